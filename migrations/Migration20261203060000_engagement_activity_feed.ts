import { Migration } from '@mikro-orm/migrations';

/** Engagement: creator posts, per-follower feed inboxes and the creators merged on read (ADR 0037). */
export class Migration20261203060000_engagement_activity_feed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table engagement.posts (
        id uuid primary key,
        author_id uuid not null,
        body text,
        video_id uuid,
        status text not null,
        created_at timestamptz not null,
        deleted_at timestamptz,
        announced_at timestamptz,
        version integer not null default 1,
        constraint posts_status_check check (status in ('visible', 'held', 'hidden', 'removed'))
      );`);
    this.addSql(`create index posts_author_idx on engagement.posts (author_id, created_at desc, id desc);`);
    // The logged-out "what's new" page reads public posts newest first across everyone.
    this.addSql(
      `create index posts_public_idx on engagement.posts (created_at desc, id desc) where status = 'visible' and deleted_at is null;`,
    );
    // One row per follower and item: what fan-out on write delivered (trimmed to FEED_INBOX_CAP).
    this.addSql(`
      create table engagement.feed_inbox (
        user_id uuid not null,
        item_type text not null,
        item_id uuid not null,
        author_id uuid not null,
        published_at timestamptz not null,
        primary key (user_id, item_type, item_id),
        constraint feed_inbox_type_check check (item_type in ('video', 'post'))
      );`);
    this.addSql(
      `create index feed_inbox_page_idx on engagement.feed_inbox (user_id, published_at desc, item_id desc);`,
    );
    this.addSql(`create index feed_inbox_author_idx on engagement.feed_inbox (user_id, author_id);`);
    // Creators above FEED_BIG_CREATOR_FOLLOWERS: their items are merged into feeds on read.
    this.addSql(`create table engagement.feed_big_creators (creator_id uuid primary key, since timestamptz not null);`);
    this.addSql(
      `create index watchable_videos_creator_idx on engagement.watchable_videos (creator_id, published_at desc, video_id desc);`,
    );
    this.addSql(
      `create index watchable_videos_recent_idx on engagement.watchable_videos (published_at desc, video_id desc) where status = 'published';`,
    );
    // Fan-out walks a creator's active followers in id order, batch after batch.
    this.addSql(
      `create index follows_active_followers_idx on engagement.follows (followee_id, follower_id) where ended_at is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index engagement.follows_active_followers_idx;`);
    this.addSql(`drop index engagement.watchable_videos_recent_idx;`);
    this.addSql(`drop index engagement.watchable_videos_creator_idx;`);
    this.addSql(`drop table engagement.feed_big_creators;`);
    this.addSql(`drop table engagement.feed_inbox;`);
    this.addSql(`drop table engagement.posts;`);
  }
}
