import { Migration } from '@mikro-orm/migrations';

/**
 * Insights' experiments (docs/adr/0045): experiments with arms and a fixed horizon (one running per
 * surface), recommendation impressions and experiment exposures (one per impression id), the videos
 * each impression showed (creators' view), and conversions attributed to an impression.
 */
export class Migration20261203090000_insights_experiments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table insights.experiments (
        id uuid primary key,
        name text not null,
        surface text not null,
        status text not null default 'draft',
        arms jsonb not null,
        design jsonb not null,
        created_by uuid not null,
        created_at timestamptz not null,
        started_at timestamptz,
        stopped_at timestamptz,
        version integer not null default 1,
        constraint experiments_status_check check (status in ('draft', 'running', 'stopped'))
      );`);
    this.addSql(
      `create unique index experiments_running_surface_key on insights.experiments (surface) where status = 'running';`,
    );
    this.addSql(`
      create table insights.recommendation_impressions (
        impression_id text primary key,
        experiment_id uuid references insights.experiments (id),
        arm text,
        surface text not null,
        subject text not null,
        video_ids uuid[] not null,
        shown_at timestamptz not null,
        event_id uuid not null
      );`);
    this.addSql(
      `create index recommendation_impressions_experiment_idx on insights.recommendation_impressions (experiment_id, arm) where experiment_id is not null;`,
    );
    this.addSql(
      `create index recommendation_impressions_subject_idx on insights.recommendation_impressions (subject, shown_at);`,
    );
    this.addSql(`
      create table insights.recommendation_impression_videos (
        impression_id text not null,
        video_id uuid not null,
        surface text not null,
        shown_at timestamptz not null,
        primary key (impression_id, video_id)
      );`);
    this.addSql(
      `create index recommendation_impression_videos_video_idx on insights.recommendation_impression_videos (video_id, shown_at);`,
    );
    this.addSql(`
      create table insights.recommendation_conversions (
        impression_id text not null,
        kind text not null,
        video_id uuid,
        occurred_at timestamptz not null,
        event_id uuid not null,
        constraint recommendation_conversions_kind_check check (kind in ('click', 'watch_start', 'completion', 'subscription'))
      );`);
    // One conversion of a kind per impression and video (a subscription names no video).
    this.addSql(
      `create unique index recommendation_conversions_key on insights.recommendation_conversions (impression_id, kind, coalesce(video_id, '00000000-0000-0000-0000-000000000000'::uuid));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table insights.recommendation_conversions;`);
    this.addSql(`drop table insights.recommendation_impression_videos;`);
    this.addSql(`drop table insights.recommendation_impressions;`);
    this.addSql(`drop table insights.experiments;`);
  }
}
