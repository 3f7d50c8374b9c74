import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { People } from '../../people.js';
import { countFollowers, countFollowing } from './follow-counts.js';
import { ListFollowsQuery, type FollowListItem } from './list-follows.query.js';

interface Row {
  id: string;
  user_id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  followed_at: Date;
}

/** Keyset paging on (followed_at, id), newest first: stable while people follow and unfollow. */
@QueryHandler(ListFollowsQuery)
export class ListFollowsHandler implements IQueryHandler<ListFollowsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly people: People,
  ) {}

  async execute({ userId, direction, limit, cursor }: ListFollowsQuery) {
    await this.people.require(userId);
    const [self, other] = direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const after = decodeKeysetCursor(cursor);
    const rows = await this.em.execute<Row[]>(
      `select f.id, p.user_id, p.handle, p.display_name, p.avatar_url, f.followed_at
         from engagement.follows f join engagement.people p on p.user_id = f.${other}
        where f.${self} = ? and f.ended_at is null
          ${after ? `and (f.followed_at, f.id) < (?::timestamptz, ?::uuid)` : ''}
        order by f.followed_at desc, f.id desc
        limit ?`,
      after ? [userId, after.at.toISOString(), after.id, limit + 1] : [userId, limit + 1],
    );
    const items: FollowListItem[] = rows.slice(0, limit).map((row) => ({
      userId: row.user_id,
      handle: row.handle,
      displayName: row.display_name,
      avatarUrl: row.avatar_url,
      followedAt: new Date(row.followed_at).toISOString(),
    }));
    const last = rows[limit - 1];
    const total = direction === 'followers' ? await countFollowers(this.em, userId) : await countFollowing(this.em, userId);
    return { items, total, nextCursor: rows.length > limit && last ? encodeKeysetCursor(new Date(last.followed_at), last.id) : undefined };
  }
}
