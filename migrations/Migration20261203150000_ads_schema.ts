import { Migration } from '@mikro-orm/migrations';

/** Ads: advertisers, campaigns, creatives, single-use impressions and clicks, daily delivery, settlements. */
export class Migration20261203150000_ads_schema extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists ads;`);
    this.addSql(`create table ads.advertisers (
      id uuid primary key,
      name text not null,
      created_at timestamptz not null default now()
    );`);
    // No foreign keys between these SQL-only tables: the ORM's schema diff cannot see them and would drop them.
    this.addSql(`create table ads.campaigns (
      id uuid primary key,
      advertiser_id uuid not null,
      name text not null,
      status text not null default 'active' check (status in ('active', 'paused')),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      currency text not null,
      cpm integer not null check (cpm > 0),
      total_budget bigint null check (total_budget > 0),
      daily_budget bigint null check (daily_budget > 0),
      impression_goal bigint null check (impression_goal > 0),
      targeting jsonb not null default '{}',
      spend_millis bigint not null default 0,
      impressions bigint not null default 0,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    );`);
    this.addSql(`create index campaigns_live on ads.campaigns (ends_at) where status = 'active';`);
    this.addSql(`create table ads.creatives (
      id uuid primary key,
      campaign_id uuid not null,
      placement text not null check (placement in ('preroll', 'leaderboard', 'rectangle', 'mobile_banner')),
      click_url text not null check (click_url like 'https://%'),
      video_id uuid null,
      image_url text null,
      created_at timestamptz not null default now(),
      check ((placement = 'preroll') = (video_id is not null))
    );`);
    this.addSql(`create index creatives_campaign on ads.creatives (campaign_id);`);
    this.addSql(`create table ads.impressions (
      decision_id uuid primary key,
      event_id text not null,
      creative_id uuid not null,
      campaign_id uuid not null,
      placement text not null,
      viewer_key text not null,
      video_id uuid null,
      creator_id uuid null,
      cost_millis integer not null,
      currency text not null,
      occurred_at timestamptz not null,
      settlement_id uuid null
    );`);
    this.addSql(`create index impressions_unsettled on ads.impressions (occurred_at) where settlement_id is null;`);
    this.addSql(`create table ads.clicks (
      decision_id uuid primary key,
      event_id text not null,
      creative_id uuid not null,
      occurred_at timestamptz not null
    );`);
    this.addSql(`create table ads.daily_stats (
      day date not null,
      creative_id uuid not null,
      campaign_id uuid not null,
      placement text not null,
      currency text not null,
      impressions bigint not null default 0,
      clicks bigint not null default 0,
      spend_millis bigint not null default 0,
      primary key (day, creative_id)
    );`);
    this.addSql(`create index daily_stats_campaign on ads.daily_stats (campaign_id, day);`);
    this.addSql(`create table ads.revenue_settlements (
      id uuid primary key,
      creator_id uuid null,
      currency text not null,
      impressions integer not null,
      gross_millis double precision not null,
      share double precision not null,
      gross_amount integer not null,
      share_amount integer not null default 0,
      settled_at timestamptz not null
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema ads cascade;`);
  }
}
