import { Migration } from '@mikro-orm/migrations';

/** Studio's channel side: people (from identity's events), channels and teams, videos and episodes, library tools. */
export class Migration20261122000500_studio_channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists studio;`);
    this.addSql(`
      create table studio.people (
        user_id uuid primary key,
        handle text not null,
        display_name text not null,
        email text
      );`);
    this.addSql(`create index people_handle_idx on studio.people (handle);`);
    this.addSql(`create index people_email_idx on studio.people (email);`);
    // The team is a jsonb array inside the channel row: one aggregate, one version, a handful of people.
    this.addSql(`
      create table studio.channels (
        id uuid primary key,
        name text not null,
        description text not null,
        owner_id uuid not null,
        members jsonb not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1
      );`);
    this.addSql(`create index channels_owner_idx on studio.channels (owner_id);`);
    this.addSql(`create index channels_members_idx on studio.channels using gin (members jsonb_path_ops);`);
    this.addSql(`
      create table studio.videos (
        id uuid primary key,
        channel_id uuid not null,
        created_by uuid not null,
        title text not null,
        description text not null default '',
        tags text[] not null,
        category text,
        language text,
        access_level text not null default 'free',
        early_access_days integer,
        series_id uuid,
        season integer,
        episode integer,
        collection_ids uuid[] not null,
        captions jsonb not null,
        state text not null default 'draft',
        asset_id text,
        processing_step text,
        processing_percent integer not null default 0,
        failure jsonb,
        duration_seconds double precision,
        scheduled_at timestamptz,
        schedule_time_zone text,
        published_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        version integer not null default 1,
        constraint videos_episode_key unique (series_id, season, episode),
        constraint videos_state_check check (state in ('draft', 'processing', 'ready', 'scheduled', 'published', 'unpublished', 'failed'))
      );`);
    this.addSql(`create index videos_channel_idx on studio.videos (channel_id, created_at);`);
    this.addSql(`create index videos_due_idx on studio.videos (state, scheduled_at);`);

    this.addSql(`
      create table studio.series (
        id uuid primary key,
        channel_id uuid not null,
        title text not null,
        description text not null,
        created_at timestamptz not null
      );`);
    this.addSql(`create index series_channel_idx on studio.series (channel_id);`);
    this.addSql(`
      create table studio.collections (
        id uuid primary key,
        channel_id uuid not null,
        name text not null,
        created_at timestamptz not null,
        constraint collections_name_key unique (channel_id, name)
      );`);
    this.addSql(`
      create table studio.templates (
        id uuid primary key,
        channel_id uuid not null,
        name text not null,
        defaults jsonb not null,
        created_at timestamptz not null
      );`);
    this.addSql(`create index templates_channel_idx on studio.templates (channel_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop table if exists studio.templates, studio.collections, studio.series, studio.videos, studio.channels, studio.people;`,
    );
  }
}
