import { Migration } from '@mikro-orm/migrations';

/**
 * Engagement: serving recommendations (docs/adr/0044) — video features on trending's eligibility
 * record, per-person signals, co-watch pairs, neighbour lists and the neighbour job's cursor.
 */
export class Migration20261203092000_engagement_recommendations extends Migration {
  override async up(): Promise<void> {
    // Features ride on trending's record of published videos: one consumer keeps eligibility for both.
    this.addSql(`alter table engagement.trend_videos
      add column tags text[] not null default '{}',
      add column description text not null default '',
      add column series_id uuid null,
      add column duration_seconds double precision null,
      add column published_at timestamptz null,
      add column features_at timestamptz not null default now();`);
    // Videos published before this change: their tags and description arrive with the next publish.
    this
      .addSql(`update engagement.trend_videos t set published_at = w.published_at, duration_seconds = w.duration_seconds
      from engagement.watchable_videos w where w.video_id = t.video_id;`);
    this.addSql(
      `create index trend_videos_published_idx on engagement.trend_videos (published_at desc) where status = 'published';`,
    );
    // One row per person, video, kind (and comment): upserts keep it small; tx orders the neighbour job's reads.
    this.addSql(`create table engagement.rec_signals (
      person_id uuid not null,
      video_id uuid not null,
      kind text not null check (kind in ('view', 'completion', 'watch_time', 'like', 'rating', 'comment', 'save', 'skip', 'dislike')),
      source_key text not null default '',
      value double precision not null,
      event_id uuid not null,
      occurred_at timestamptz not null,
      tx xid8 not null default pg_current_xact_id(),
      primary key (person_id, video_id, kind, source_key)
    );`);
    this.addSql(`create index rec_signals_person_idx on engagement.rec_signals (person_id, occurred_at desc);`);
    this.addSql(`create index rec_signals_tx_idx on engagement.rec_signals (tx);`);
    this.addSql(`create index rec_signals_source_idx on engagement.rec_signals (source_key) where source_key <> '';`);
    // Who took part in each video's co-watch counts: a person adds to a pair once, however often they act.
    this.addSql(`create table engagement.rec_cowatch_members (
      person_id uuid not null,
      video_id uuid not null,
      seq bigserial not null,
      joined_at timestamptz not null,
      primary key (person_id, video_id)
    );`);
    this.addSql(`create index rec_cowatch_members_recent_idx on engagement.rec_cowatch_members (person_id, seq desc);`);
    this.addSql(`create table engagement.rec_video_stats (
      video_id uuid primary key,
      people integer not null default 0
    );`);
    this.addSql(`create table engagement.rec_cowatch_pairs (
      video_a uuid not null,
      video_b uuid not null,
      people integer not null,
      primary key (video_a, video_b),
      check (video_a < video_b)
    );`);
    this.addSql(`create index rec_cowatch_pairs_b_idx on engagement.rec_cowatch_pairs (video_b);`);
    this.addSql(`create table engagement.rec_neighbours (
      video_id uuid not null,
      kind text not null check (kind in ('co_watch', 'content')),
      neighbours jsonb not null,
      computed_at timestamptz not null,
      primary key (video_id, kind)
    );`);
    this.addSql(`create table engagement.rec_job_cursors (
      name text primary key,
      position xid8 not null
    );`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'rec_job_cursors',
      'rec_neighbours',
      'rec_cowatch_pairs',
      'rec_video_stats',
      'rec_cowatch_members',
      'rec_signals',
    ])
      this.addSql(`drop table engagement.${table};`);
    this.addSql(`drop index engagement.trend_videos_published_idx;`);
    this.addSql(`alter table engagement.trend_videos
      drop column tags, drop column description, drop column series_id, drop column duration_seconds,
      drop column published_at, drop column features_at;`);
  }
}
