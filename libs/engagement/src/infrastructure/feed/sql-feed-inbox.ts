import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FeedInbox, type FeedItemRef } from '../../application/feed/feed-inbox.js';

const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;

@Injectable()
export class SqlFeedInbox extends FeedInbox {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async mergedOnRead(creatorId: string, threshold: number): Promise<boolean> {
    const marked = await this.em.execute<unknown[]>(`select 1 from engagement.feed_big_creators where creator_id = ?`, [
      creatorId,
    ]);
    if (marked.length) return true;
    // Counting stops at threshold + 1, so the check costs the same for a creator with a million followers.
    const [row] = await this.em.execute<{ n: string }[]>(
      `select count(*) as n from (select 1 from engagement.follows
        where followee_id = ? and ended_at is null limit ?) f`,
      [creatorId, threshold + 1],
    );
    if (Number(row?.n ?? 0) <= threshold) return false;
    await this.em.execute(
      `insert into engagement.feed_big_creators (creator_id, since) values (?, now()) on conflict do nothing`,
      [creatorId],
    );
    return true;
  }

  async followerBatch(creatorId: string, afterFollowerId: string | null, limit: number): Promise<string[]> {
    const rows = await this.em.execute<{ follower_id: string }[]>(
      `select follower_id from engagement.follows
        where followee_id = ? and ended_at is null ${afterFollowerId ? 'and follower_id > ?' : ''}
        order by follower_id limit ?`,
      afterFollowerId ? [creatorId, afterFollowerId, limit] : [creatorId, limit],
    );
    return rows.map((row) => row.follower_id);
  }

  async deliver(userIds: readonly string[], item: FeedItemRef): Promise<string[]> {
    if (!userIds.length) return [];
    const rows = await this.em.execute<{ user_id: string }[]>(
      `with added as (
         insert into engagement.feed_inbox (user_id, item_type, item_id, author_id, published_at)
         select u, ?, ?, ?, ?::timestamptz from unnest(?::uuid[]) u
         on conflict do nothing
         returning user_id)
       select a.user_id from added a
        where not exists (select 1 from engagement.restrictions r where r.owner_id = a.user_id and r.target_id = ?)
          and not exists (select 1 from engagement.restrictions r
            where r.owner_id = ? and r.target_id = a.user_id and r.kind = 'block')`,
      [
        item.type,
        item.itemId,
        item.authorId,
        item.publishedAt.toISOString(),
        uuids(userIds),
        item.authorId,
        item.authorId,
      ],
    );
    return rows.map((row) => row.user_id);
  }

  async trim(userIds: readonly string[], cap: number): Promise<void> {
    if (!userIds.length) return;
    // Each inbox's entry number cap + 1 (newest first), if it has one; it and everything older goes.
    await this.em.execute(
      `delete from engagement.feed_inbox i
        using (select u.user_id, c.published_at, c.item_id
                 from unnest(?::uuid[]) u(user_id)
                 cross join lateral (select published_at, item_id from engagement.feed_inbox
                   where user_id = u.user_id order by published_at desc, item_id desc offset ? limit 1) c) t
        where i.user_id = t.user_id and (i.published_at, i.item_id) <= (t.published_at, t.item_id)`,
      [uuids(userIds), cap],
    );
  }

  async backfill(followerId: string, creatorId: string, limit: number): Promise<void> {
    if (limit <= 0) return;
    await this.em.execute(
      `insert into engagement.feed_inbox (user_id, item_type, item_id, author_id, published_at)
       select ?, item_type, item_id, ?, published_at from (
         (select 'video' as item_type, video_id as item_id, published_at from engagement.watchable_videos
           where creator_id = ? and status = 'published' order by published_at desc, video_id desc limit ?)
         union all
         (select 'post', id, created_at from engagement.posts
           where author_id = ? and status = 'visible' and deleted_at is null order by created_at desc, id desc limit ?)
       ) recent
       order by published_at desc limit ?
       on conflict do nothing`,
      [followerId, creatorId, creatorId, limit, creatorId, limit, limit],
    );
  }

  async removeAuthor(followerId: string, creatorId: string): Promise<void> {
    await this.em.execute(`delete from engagement.feed_inbox where user_id = ? and author_id = ?`, [
      followerId,
      creatorId,
    ]);
  }
}
