import { Migration } from '@mikro-orm/migrations';

/** Studio media: tus uploads (validated by ffprobe) and the media assets the pipeline builds from them. */
export class Migration20261122000510_studio_media extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists studio;`);
    this.addSql(`
      create table studio.media_uploads (
        id uuid primary key,
        channel_id uuid not null,
        user_id uuid not null,
        filename text not null,
        size bigint not null,
        state text not null default 'uploading'
          constraint media_uploads_state_check check (state in ('uploading', 'accepted', 'rejected', 'removed')),
        checksum text,
        storage_key text,
        probe jsonb,
        error_code text,
        error_message text,
        asset_id uuid constraint media_uploads_asset_id_key unique,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    // Bulk-upload pre-check: "is this checksum already in the channel's library?"
    this.addSql(
      `create index media_uploads_channel_checksum_idx on studio.media_uploads (channel_id, checksum) where state = 'accepted';`,
    );
    this.addSql(`
      create table studio.media_assets (
        id uuid primary key,
        upload_id uuid not null constraint media_assets_upload_id_key unique,
        channel_id uuid not null,
        video_id uuid not null,
        state text not null default 'queued'
          constraint media_assets_state_check check (state in ('queued', 'processing', 'ready', 'failed')),
        step text constraint media_assets_step_check check (step in ('probe', 'transcode', 'thumbnails', 'finalize')),
        percent integer not null default 0,
        source_key text not null,
        duration_seconds double precision,
        width integer,
        height integer,
        has_audio boolean,
        renditions jsonb not null default '[]',
        hls_prefix text,
        thumbnails jsonb not null default '[]',
        chosen_thumbnail integer,
        preview_key text,
        error_code text,
        error_message text,
        -- Bumped by every (re)start: step jobs carry it, so a stale job from an earlier run does nothing.
        run integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index media_assets_video_idx on studio.media_assets (video_id);`);
  }
}
