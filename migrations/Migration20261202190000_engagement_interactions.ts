import { Migration } from '@mikro-orm/migrations';

/** Engagement: studio's published videos as engagement knows them, likes, ratings, watch history, playlists. */
export class Migration20261202190000_engagement_interactions extends Migration {
  override async up(): Promise<void> {
    // Kept from studio's video events; studio_version orders them (a stale event changes nothing).
    this.addSql(`
      create table engagement.watchable_videos (
        video_id uuid primary key,
        channel_id uuid not null,
        creator_id uuid not null,
        title text not null,
        access_level text not null,
        early_access_days integer,
        published_at timestamptz not null,
        duration_seconds double precision,
        status text not null,
        studio_version integer not null,
        constraint watchable_videos_status_check check (status in ('published', 'unpublished', 'deleted'))
      );`);
    // One row per person and target (videos now, comments later); the tally is the exact count (ADR 0028).
    this.addSql(`
      create table engagement.likes (
        target_type text not null,
        target_id uuid not null,
        user_id uuid not null,
        liked_at timestamptz not null,
        primary key (target_type, target_id, user_id)
      );`);
    this.addSql(`create index likes_user_idx on engagement.likes (user_id, liked_at);`);
    this.addSql(`
      create table engagement.like_tallies (
        id uuid primary key,
        target_type text not null,
        target_id uuid not null,
        likes integer not null,
        version integer not null default 1,
        constraint like_tallies_target_key unique (target_type, target_id),
        constraint like_tallies_likes_check check (likes >= 0)
      );`);
    this.addSql(`
      create table engagement.ratings (
        video_id uuid not null,
        user_id uuid not null,
        stars smallint not null,
        rated_at timestamptz not null,
        primary key (video_id, user_id),
        constraint ratings_stars_check check (stars between 1 and 5)
      );`);
    this.addSql(`
      create table engagement.rating_tallies (
        id uuid primary key,
        video_id uuid not null,
        distribution integer[] not null,
        version integer not null default 1,
        constraint rating_tallies_video_key unique (video_id)
      );`);
    this.addSql(`
      create table engagement.watch_entries (
        id uuid primary key,
        user_id uuid not null,
        video_id uuid not null,
        position_seconds double precision not null,
        duration_seconds double precision,
        completed_at timestamptz,
        first_watched_at timestamptz not null,
        last_watched_at timestamptz not null,
        watched_seconds integer not null,
        version integer not null default 1,
        constraint watch_entries_user_video_key unique (user_id, video_id)
      );`);
    this.addSql(`create index watch_entries_user_recent_idx on engagement.watch_entries (user_id, last_watched_at);`);
    this.addSql(`
      create table engagement.watch_history_settings (
        user_id uuid primary key,
        enabled boolean not null,
        updated_at timestamptz not null
      );`);
    // Items are the aggregate's ordered jsonb array; one "watch later" per person.
    this.addSql(`
      create table engagement.playlists (
        id uuid primary key,
        owner_id uuid not null,
        kind text not null,
        title text not null,
        description text not null,
        visibility text not null,
        items jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        constraint playlists_kind_check check (kind in ('watch-later', 'custom')),
        constraint playlists_visibility_check check (visibility in ('public', 'private'))
      );`);
    this.addSql(`create index playlists_owner_idx on engagement.playlists (owner_id, created_at);`);
    this.addSql(
      `create unique index playlists_watch_later_key on engagement.playlists (owner_id) where kind = 'watch-later';`,
    );
  }

  override async down(): Promise<void> {
    for (const table of [
      'playlists',
      'watch_history_settings',
      'watch_entries',
      'rating_tallies',
      'ratings',
      'like_tallies',
      'likes',
      'watchable_videos',
    ])
      this.addSql(`drop table engagement.${table};`);
  }
}
