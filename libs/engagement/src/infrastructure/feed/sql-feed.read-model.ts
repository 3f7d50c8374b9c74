import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { RedisConnections } from '@lib/platform';
import { FeedReadModel, type FeedEntry, type FeedPosition } from '../../application/feed/feed.read-model.js';
import type { FeedItemType } from '../../application/feed/feed-inbox.js';

type Entry = Omit<FeedEntry, 'locked'>;

interface Row {
  item_type: FeedItemType;
  item_id: string;
  author_id: string;
  published_at: Date | string;
  handle: string | null;
  display_name: string | null;
  avatar_url: string | null;
  channel_id: string | null;
  title: string | null;
  access_level: string | null;
  early_access_until: Date | string | null;
  duration_seconds: number | string | null;
  body: string | null;
  linked_video_id: string | null;
}

/**
 * Items still live: a published video, a visible undeleted post. `c` is the candidate row. One
 * correlated union (no OR between the two) so the planner probes primary keys instead of hashing the tables.
 */
const LIVE = `exists (
  select 1 from engagement.watchable_videos v
   where c.item_type = 'video' and v.video_id = c.item_id and v.status = 'published'
  union all
  select 1 from engagement.posts p
   where c.item_type = 'post' and p.id = c.item_id and p.status = 'visible' and p.deleted_at is null)`;

/** Neither the viewer (first ?) mutes or blocks the author, nor the author blocks the viewer (second ?); two primary-key probes. */
const UNRESTRICTED = `not exists (select 1 from engagement.restrictions r
    where r.owner_id = ? and r.target_id = c.author_id)
  and not exists (select 1 from engagement.restrictions r
    where r.owner_id = c.author_id and r.target_id = ? and r.kind = 'block')`;

/** The entry's details, joined once the page's ids are known. */
const HYDRATE = `
  select c.item_type, c.item_id, c.author_id, c.published_at, pe.handle, pe.display_name, pe.avatar_url,
         v.channel_id, v.title, v.access_level,
         case when v.early_access_days is not null
               and v.published_at + v.early_access_days * interval '1 day' > now()
              then v.published_at + v.early_access_days * interval '1 day' end as early_access_until,
         v.duration_seconds, p.body, lv.video_id as linked_video_id
    from page c
    left join engagement.people pe on pe.user_id = c.author_id
    left join engagement.watchable_videos v on c.item_type = 'video' and v.video_id = c.item_id
    left join engagement.posts p on c.item_type = 'post' and p.id = c.item_id
    left join engagement.watchable_videos lv on lv.video_id = p.video_id and lv.status = 'published'
   order by c.published_at desc, c.item_id desc`;

@Injectable()
export class SqlFeedReadModel extends FeedReadModel {
  constructor(
    private readonly em: EntityManager,
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async page(viewerId: string, before: FeedPosition, limit: number): Promise<Entry[]> {
    const { sql, params } = feedStatement(viewerId, before, limit);
    return (await this.em.execute<Row[]>(sql, params)).map(toEntry);
  }

  async whatsNew(limit: number): Promise<Entry[]> {
    const ttl = this.config.feed.whatsNewCacheSeconds;
    const key = this.redis.key('feed', 'whats-new', String(limit));
    if (ttl > 0) {
      const cached = await this.redis.commands().get(key);
      if (cached) return JSON.parse(cached) as Entry[];
    }
    const entries = (
      await this.em.execute<Row[]>(
        `with page as (
           select * from (
             (select 'video' as item_type, video_id as item_id, creator_id as author_id, published_at
                from engagement.watchable_videos
               where status = 'published' and access_level = 'free'
                 and (early_access_days is null or published_at + early_access_days * interval '1 day' <= now())
               order by published_at desc, video_id desc limit ?)
             union all
             (select 'post', id, author_id, created_at from engagement.posts
               where status = 'visible' and deleted_at is null order by created_at desc, id desc limit ?)
           ) c order by published_at desc, item_id desc limit ?)
         ${HYDRATE}`,
        [limit, limit, limit],
      )
    ).map(toEntry);
    if (ttl > 0) await this.redis.commands().set(key, JSON.stringify(entries), 'EX', ttl);
    return entries;
  }
}

/**
 * One statement: the viewer's inbox (fan-out on write) ∪ the latest items of the merged-on-read
 * creators they follow, deduplicated, filtered (live, still followed, nobody muted or blocked),
 * newest first. Exported so the feed benchmark runs exactly this SQL bare.
 */
export function feedStatement(
  viewerId: string,
  before: FeedPosition,
  limit: number,
): { sql: string; params: unknown[] } {
  const beforeAt = before ? before.at.toISOString() : null;
  const beforeId = before ? before.id : null;
  const cursor = (at: string, id: string) =>
    before ? `and (${at}, ${id}) < (?::timestamptz, ?::uuid)` : `and ?::timestamptz is null and ?::uuid is null`;
  const sql = `
    with big as (
      select f.followee_id as creator_id from engagement.follows f
        join engagement.feed_big_creators b on b.creator_id = f.followee_id
       where f.follower_id = ? and f.ended_at is null),
    candidates as (
      (select c.item_type, c.item_id, c.author_id, c.published_at from engagement.feed_inbox c
        where c.user_id = ? ${cursor('c.published_at', 'c.item_id')}
          and exists (select 1 from engagement.follows f
                       where f.follower_id = c.user_id and f.followee_id = c.author_id and f.ended_at is null)
          and ${LIVE} and ${UNRESTRICTED}
        order by c.published_at desc, c.item_id desc limit ?)
      union all
      (select c.* from big cross join lateral (
         (select 'video' as item_type, v.video_id as item_id, v.creator_id as author_id, v.published_at
            from engagement.watchable_videos v
           where v.creator_id = big.creator_id and v.status = 'published' ${cursor('v.published_at', 'v.video_id')}
           order by v.published_at desc, v.video_id desc limit ?)
         union all
         (select 'post', p.id, p.author_id, p.created_at from engagement.posts p
           where p.author_id = big.creator_id and p.status = 'visible' and p.deleted_at is null
             ${cursor('p.created_at', 'p.id')}
           order by p.created_at desc, p.id desc limit ?)) c
        where ${UNRESTRICTED})),
    page as (
      select distinct on (published_at, item_id) * from candidates
       order by published_at desc, item_id desc limit ?)
    ${HYDRATE}`;
  const params = [
    viewerId,
    viewerId,
    beforeAt,
    beforeId,
    viewerId,
    viewerId,
    limit,
    beforeAt,
    beforeId,
    limit,
    beforeAt,
    beforeId,
    limit,
    viewerId,
    viewerId,
    limit,
  ];
  return { sql, params };
}

function toEntry(row: Row): Entry {
  const author = {
    userId: row.author_id,
    handle: row.handle,
    displayName: row.display_name,
    avatarUrl: row.avatar_url,
  };
  const publishedAt = new Date(row.published_at).toISOString();
  if (row.item_type === 'video')
    return {
      type: 'video',
      id: row.item_id,
      publishedAt,
      author,
      video: {
        videoId: row.item_id,
        channelId: row.channel_id ?? '',
        title: row.title ?? '',
        accessLevel: row.access_level ?? 'free',
        earlyAccessUntil: row.early_access_until ? new Date(row.early_access_until).toISOString() : null,
        durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
      },
      post: null,
    };
  return {
    type: 'post',
    id: row.item_id,
    publishedAt,
    author,
    video: null,
    post: { text: row.body ?? '', videoId: row.linked_video_id },
  };
}
