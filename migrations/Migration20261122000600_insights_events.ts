import { Migration } from '@mikro-orm/migrations';

/**
 * Insights: raw events (partitioned by day, idempotent on event_id), rollups, the facts other
 * contexts' events bring (users, subscriptions, videos), exports and weekly report opt-ins.
 */
export class Migration20261122000600_insights_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists insights;`);
    // A unique key on a partitioned table must include the partition key, so global idempotency on
    // event_id lives in this small unpartitioned table, written in the same transaction as the event.
    this.addSql(`
      create table insights.event_ids (
        event_id uuid primary key,
        received_at timestamptz not null
      );`);
    this.addSql(`create index event_ids_received_idx on insights.event_ids (received_at);`);
    this.addSql(`
      create table insights.events (
        event_id uuid not null,
        occurred_at timestamptz not null,
        received_at timestamptz not null,
        name text not null,
        source text not null,
        session_id text,
        user_id uuid,
        viewer_key text,
        video_id uuid,
        channel_id uuid,
        creator_id uuid,
        properties jsonb not null default '{}',
        device text,
        os text,
        country text,
        referrer text,
        traffic_source text,
        utm_source text,
        utm_medium text,
        utm_campaign text,
        position_pct smallint,
        watch_seconds real,
        amount_cents bigint
      ) partition by range (occurred_at);`);
    this.addSql(`create index events_occurred_idx on insights.events (occurred_at);`);
    this.addSql(`create index events_video_idx on insights.events (video_id, occurred_at) where video_id is not null;`);
    // Daily partitions, created ahead by the maintenance job (and here for the days around now).
    this.addSql(`
      create or replace function insights.ensure_partitions(first_day date, last_day date) returns integer
      language plpgsql as $$
      declare
        day date := first_day;
        created integer := 0;
        partition_name text;
      begin
        while day <= last_day loop
          partition_name := 'events_p' || to_char(day, 'YYYYMMDD');
          if to_regclass('insights.' || partition_name) is null then
            execute format('create table if not exists insights.%I partition of insights.events for values from (%L) to (%L)',
              partition_name, day::timestamp at time zone 'UTC', (day + 1)::timestamp at time zone 'UTC');
            created := created + 1;
          end if;
          day := day + 1;
        end loop;
        return created;
      end $$;`);
    this.addSql(
      `select insights.ensure_partitions((now() at time zone 'UTC')::date - 30, (now() at time zone 'UTC')::date + 14);`,
    );
    // Hours whose rollups are stale (late events, consumed domain events); the rollup job drains it.
    this.addSql(`create table insights.dirty_hours (hour timestamptz primary key);`);
    this.addSql(`
      create table insights.rollups (
        grain text not null,
        bucket timestamptz not null,
        scope text not null,
        scope_id text not null,
        views integer not null default 0,
        unique_viewers integer not null default 0,
        watch_seconds double precision not null default 0,
        completions integer not null default 0,
        new_followers integer not null default 0,
        revenue_cents bigint not null default 0,
        events integer not null default 0,
        reach_hist integer[],
        primary key (grain, bucket, scope, scope_id),
        constraint rollups_grain_check check (grain in ('hour', 'day')),
        constraint rollups_scope_check check (scope in ('video', 'channel', 'creator', 'platform'))
      );`);
    this.addSql(`create index rollups_scope_idx on insights.rollups (scope, scope_id, grain, bucket);`);
    this.addSql(`
      create table insights.rollup_breakdowns (
        grain text not null,
        bucket timestamptz not null,
        scope text not null,
        scope_id text not null,
        dimension text not null,
        value text not null,
        views integer not null,
        primary key (grain, bucket, scope, scope_id, dimension, value)
      );`);
    this.addSql(
      `create index rollup_breakdowns_scope_idx on insights.rollup_breakdowns (scope, scope_id, grain, bucket);`,
    );
    // Distinct viewers per hour and scope: exact unique viewers over any range without raw events.
    this.addSql(`
      create table insights.hourly_viewers (
        scope text not null,
        scope_id text not null,
        hour timestamptz not null,
        viewer_key text not null,
        primary key (scope, scope_id, hour, viewer_key)
      );`);
    this.addSql(`
      create table insights.daily_active_users (
        day date not null,
        user_id uuid not null,
        primary key (day, user_id)
      );`);
    this.addSql(`create index daily_active_users_user_idx on insights.daily_active_users (user_id, day);`);
    this.addSql(`
      create table insights.users (
        user_id uuid primary key,
        email text,
        registered_at timestamptz not null
      );`);
    this.addSql(`create index users_registered_idx on insights.users (registered_at);`);
    this.addSql(`
      create table insights.subscriptions (
        subscription_id uuid primary key,
        user_id uuid not null,
        channel_id uuid,
        plan_id text not null,
        mrr_cents integer not null,
        currency text not null,
        activated_at timestamptz not null,
        ended_at timestamptz
      );`);
    this.addSql(`
      create table insights.mrr_movements (
        event_id uuid primary key,
        subscription_id uuid not null,
        occurred_at timestamptz not null,
        kind text not null,
        delta_cents integer not null,
        constraint mrr_movements_kind_check check (kind in ('new', 'change', 'churn'))
      );`);
    this.addSql(`create index mrr_movements_occurred_idx on insights.mrr_movements (occurred_at);`);
    // Studio's videos, from studio.video-published.v1 (see application/reactions/record-studio-events.ts).
    this.addSql(`
      create table insights.videos (
        video_id uuid primary key,
        channel_id uuid not null,
        creator_id uuid not null,
        title text,
        duration_seconds real,
        published_at timestamptz
      );`);
    // Channel owners, from studio.channel-created.v1: who may read a channel's analytics.
    this.addSql(`
      create table insights.channels (
        channel_id uuid primary key,
        owner_id uuid not null,
        created_at timestamptz not null
      );`);
    this.addSql(`
      create table insights.exports (
        id uuid primary key,
        user_id uuid not null,
        channel_id uuid not null,
        report text not null,
        format text not null,
        range_from timestamptz not null,
        range_to timestamptz not null,
        tz text not null,
        status text not null default 'pending',
        file_path text,
        bytes integer,
        error text,
        created_at timestamptz not null,
        completed_at timestamptz,
        version integer not null default 1,
        constraint exports_format_check check (format in ('csv', 'pdf')),
        constraint exports_status_check check (status in ('pending', 'ready', 'failed'))
      );`);
    this.addSql(`create index exports_user_idx on insights.exports (user_id, created_at);`);
    // Export files live in the database (1 MiB chunks): the worker writes them, any API node serves them.
    this.addSql(`
      create table insights.export_chunks (
        export_id uuid not null,
        seq integer not null,
        data bytea not null,
        primary key (export_id, seq)
      );`);
    this.addSql(`
      create table insights.weekly_reports (
        channel_id uuid not null,
        user_id uuid not null,
        created_at timestamptz not null,
        last_sent_week date,
        primary key (channel_id, user_id)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema if exists insights cascade;`);
  }
}
