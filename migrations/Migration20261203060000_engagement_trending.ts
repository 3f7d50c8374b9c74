import { Migration } from '@mikro-orm/migrations';

/** Engagement: trending — signals with the actor's trust, eligibility facts, the scores read model (docs/adr/0038). */
export class Migration20261203060000_engagement_trending extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table engagement.trend_signals (
      id uuid primary key,
      kind text not null check (kind in ('like', 'completion', 'comment', 'follow')),
      video_id uuid null,
      followee_id uuid null,
      actor_id uuid not null,
      trust_level smallint not null,
      hashtags text[] not null default '{}',
      source_id uuid null,
      occurred_at timestamptz not null,
      check ((kind = 'follow') = (followee_id is not null and video_id is null))
    );`);
    this.addSql(`create index trend_signals_time_idx on engagement.trend_signals (occurred_at);`);
    this.addSql(`create index trend_signals_withdraw_idx on engagement.trend_signals (video_id, actor_id, kind);`);
    this.addSql(
      `create index trend_signals_source_idx on engagement.trend_signals (source_id) where source_id is not null;`,
    );
    this.addSql(`create table engagement.trend_videos (
      video_id uuid primary key,
      channel_id uuid not null,
      creator_id uuid not null,
      title text not null default '',
      language text null,
      category text null,
      status text not null check (status in ('published', 'unpublished', 'deleted')),
      moderation text not null default 'visible' check (moderation in ('visible', 'hidden', 'removed')),
      studio_version bigint not null default 0
    );`);
    this.addSql(`create index trend_videos_creator_idx on engagement.trend_videos (creator_id);`);
    // Videos published before trending existed may trend too; their language and category arrive with the next publish.
    this.addSql(`insert into engagement.trend_videos (video_id, channel_id, creator_id, title, status, studio_version)
      select video_id, channel_id, creator_id, title, status, studio_version from engagement.watchable_videos
      where status in ('published', 'unpublished', 'deleted');`);
    this.addSql(`create table engagement.trend_sanctioned_accounts (
      user_id uuid not null,
      sanction text not null check (sanction in ('suspension', 'ban')),
      since timestamptz not null,
      primary key (user_id, sanction)
    );`);
    this.addSql(`create table engagement.trending_scores (
      kind text not null check (kind in ('video', 'creator', 'hashtag')),
      time_window text not null check (time_window in ('24h', '7d')),
      language text not null,
      category text not null,
      rank integer not null,
      subject text not null,
      score double precision not null,
      computed_at timestamptz not null,
      primary key (kind, time_window, language, category, rank)
    );`);
    this.addSql(`create table engagement.trend_published_scores (
      video_id uuid primary key,
      score double precision not null
    );`);
    this.addSql(`create table engagement.trend_recomputes (
      id uuid primary key,
      computed_at timestamptz not null,
      changed_scores integer not null,
      version integer not null default 1
    );`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'trend_recomputes',
      'trend_published_scores',
      'trending_scores',
      'trend_sanctioned_accounts',
      'trend_videos',
      'trend_signals',
    ])
      this.addSql(`drop table engagement.${table};`);
  }
}
