import { Migration } from '@mikro-orm/migrations';

/**
 * Engagement's video comments: comments (threads two levels deep), their edit history, their
 * hashtags, the videos they may be written on (from studio's events) and the channel team's settings.
 */
export class Migration20261202191000_engagement_comments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table engagement.comments (
        id uuid primary key,
        video_id uuid not null,
        channel_id uuid not null,
        author_id uuid not null,
        thread_id uuid,
        in_reply_to_id uuid,
        in_reply_to_author_id uuid,
        body text,
        status text not null,
        held_for text,
        mentioned_user_ids uuid[] not null,
        hashtags text[] not null,
        reply_count integer not null default 0,
        created_at timestamptz not null,
        edited_at timestamptz,
        deleted_at timestamptz,
        announced_at timestamptz,
        version integer not null default 1,
        constraint comments_status_check check (status in ('visible', 'held', 'hidden', 'removed')),
        constraint comments_held_for_check check (held_for in ('screening', 'approval'))
      );`);
    // A video's threads by time; a thread's replies by time; a commenter's history on a channel.
    this.addSql(`create index comments_video_idx on engagement.comments (video_id, thread_id, created_at);`);
    this.addSql(`create index comments_thread_idx on engagement.comments (thread_id, created_at);`);
    this.addSql(`create index comments_author_channel_idx on engagement.comments (author_id, channel_id);`);
    this.addSql(`
      create table engagement.comment_edits (
        id uuid primary key,
        comment_id uuid not null,
        previous_body text not null,
        edited_at timestamptz not null
      );`);
    this.addSql(`create index comment_edits_comment_idx on engagement.comment_edits (comment_id, edited_at);`);
    this.addSql(`
      create table engagement.comment_hashtags (
        tag text not null,
        comment_id uuid not null,
        created_at timestamptz not null,
        primary key (tag, comment_id)
      );`);
    // A hashtag's page, newest first.
    this.addSql(
      `create index comment_hashtags_page_idx on engagement.comment_hashtags (tag, created_at desc, comment_id desc);`,
    );
    this.addSql(`
      create table engagement.comment_videos (
        video_id uuid primary key,
        channel_id uuid not null,
        creator_id uuid,
        published boolean not null,
        deleted boolean not null default false,
        state_at timestamptz not null,
        comment_count integer not null default 0
      );`);
    this.addSql(`
      create table engagement.video_comment_settings (
        video_id uuid primary key,
        comments_enabled boolean not null default true,
        require_approval boolean not null default false,
        pinned_comment_id uuid
      );`);
    this.addSql(`
      create table engagement.channel_comment_settings (
        channel_id uuid primary key,
        approve_first_time_commenters boolean not null default false
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists engagement.channel_comment_settings;`);
    this.addSql(`drop table if exists engagement.video_comment_settings;`);
    this.addSql(`drop table if exists engagement.comment_videos;`);
    this.addSql(`drop table if exists engagement.comment_hashtags;`);
    this.addSql(`drop table if exists engagement.comment_edits;`);
    this.addSql(`drop table if exists engagement.comments;`);
  }
}
