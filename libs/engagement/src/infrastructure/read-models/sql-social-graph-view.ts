import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SocialGraphView, type FollowCounts } from '../../contracts/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contract port, on the same tables and rules as the follow lists and the block checks. */
@Injectable()
export class SqlSocialGraphView extends SocialGraphView {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async countsOf(userId: string): Promise<FollowCounts> {
    if (!UUID.test(userId)) return { followers: 0, following: 0 };
    const [row] = await this.em.execute<Array<{ followers: number; following: number }>>(
      `select (select count(*)::int from engagement.follows where followee_id = ? and ended_at is null) as followers,
              (select count(*)::int from engagement.follows where follower_id = ? and ended_at is null) as following`,
      [userId, userId],
    );
    return { followers: row.followers, following: row.following };
  }

  async isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    if (!UUID.test(a) || !UUID.test(b)) return false;
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.restrictions
        where kind = 'block' and ((owner_id = ? and target_id = ?) or (owner_id = ? and target_id = ?)) limit 1`,
      [a, b, b, a],
    );
    return rows.length > 0;
  }

  async isFollowing(followerId: string, followeeId: string): Promise<boolean> {
    if (!UUID.test(followerId) || !UUID.test(followeeId)) return false;
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.follows where follower_id = ? and followee_id = ? and ended_at is null`,
      [followerId, followeeId],
    );
    return rows.length > 0;
  }
}
