import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  SocialGraphReadModel,
  type FollowListRow,
  type RestrictedPerson,
} from '../../application/read-models/social-graph.read-model.js';
import type { RestrictionKind } from '../../domain/restriction/restriction.js';

@Injectable()
export class SqlSocialGraphReadModel extends SocialGraphReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async follows(
    userId: string,
    direction: 'followers' | 'following',
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<FollowListRow[]> {
    const [self, other] = direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const rows = await this.em.execute<
      Array<{
        id: string;
        user_id: string;
        handle: string;
        display_name: string;
        avatar_url: string | null;
        followed_at: Date;
      }>
    >(
      `select f.id, p.user_id, p.handle, p.display_name, p.avatar_url, f.followed_at
         from engagement.follows f join engagement.people p on p.user_id = f.${other}
        where f.${self} = ? and f.ended_at is null
          ${after ? `and (f.followed_at, f.id) < (?::timestamptz, ?::uuid)` : ''}
        order by f.followed_at desc, f.id desc
        limit ?`,
      after ? [userId, after.at.toISOString(), after.id, limit] : [userId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      handle: row.handle,
      displayName: row.display_name,
      avatarUrl: row.avatar_url,
      followedAt: new Date(row.followed_at),
    }));
  }

  async countFollowers(userId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from engagement.follows where followee_id = ? and ended_at is null`,
      [userId],
    );
    return row.n;
  }

  async countFollowing(userId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from engagement.follows where follower_id = ? and ended_at is null`,
      [userId],
    );
    return row.n;
  }

  async restrictedBy(ownerId: string, kind: RestrictionKind): Promise<RestrictedPerson[]> {
    const rows = await this.em.execute<
      Array<{ user_id: string; handle: string; display_name: string; created_at: Date }>
    >(
      `select p.user_id, p.handle, p.display_name, r.created_at
         from engagement.restrictions r join engagement.people p on p.user_id = r.target_id
        where r.owner_id = ? and r.kind = ? order by r.created_at desc limit 1000`,
      [ownerId, kind],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      handle: row.handle,
      displayName: row.display_name,
      since: new Date(row.created_at).toISOString(),
    }));
  }

  async followerIds(followeeId: string, afterFollowerId: string | null, limit: number): Promise<string[]> {
    const rows = await this.em.execute<{ follower_id: string }[]>(
      `select follower_id from engagement.follows
        where followee_id = ? and ended_at is null ${afterFollowerId ? 'and follower_id > ?' : ''}
        order by follower_id limit ?`,
      afterFollowerId ? [followeeId, afterFollowerId, limit] : [followeeId, limit],
    );
    return rows.map((row) => row.follower_id);
  }
}
