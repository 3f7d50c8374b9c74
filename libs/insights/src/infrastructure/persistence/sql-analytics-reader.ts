import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { REVENUE_STREAM_NAMES, type RevenueStreamName, type RevenueStreamsDay } from '@lib/billing/contracts';
import {
  AnalyticsReader,
  type Breakdown,
  type PlatformFigures,
  type Scope,
  type SeriesPoint,
  type Totals,
} from '../../application/analytics-reader.js';
import type { ReportRange } from '../../domain/report-range.js';

const iso = (d: Date) => d.toISOString();
const n = (value: unknown) => Number(value ?? 0);
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/**
 * Dashboards from the hourly rollups, grouped into the caller's local hours or days (a zone with a
 * half-hour offset puts each UTC hour in the local day it starts in). Unique viewers come from the
 * per-hour viewer sets, so they are exact over any range.
 */
@Injectable()
export class SqlAnalyticsReader extends AnalyticsReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async totals(scope: Scope, scopeId: string, from: Date, to: Date): Promise<Totals> {
    const [row] = await this.em.execute<Array<Record<string, unknown>>>(
      `select coalesce(sum(views), 0) as views, coalesce(sum(watch_seconds), 0) as watch_seconds, coalesce(sum(completions), 0) as completions,
         coalesce(sum(new_followers), 0) as new_followers, coalesce(sum(revenue_cents), 0) as revenue_cents,
         coalesce(sum(likes), 0) as likes, coalesce(sum(comments), 0) as comments, coalesce(sum(ratings), 0) as ratings,
         (select count(distinct viewer_key) from insights.hourly_viewers
           where scope = ? and scope_id = ? and hour >= ?::timestamptz and hour < ?::timestamptz) as unique_viewers
       from insights.rollups where grain = 'hour' and scope = ? and scope_id = ? and bucket >= ?::timestamptz and bucket < ?::timestamptz`,
      [scope, scopeId, iso(from), iso(to), scope, scopeId, iso(from), iso(to)],
    );
    return {
      views: n(row?.views),
      uniqueViewers: n(row?.unique_viewers),
      watchSeconds: Math.round(n(row?.watch_seconds) * 100) / 100,
      completions: n(row?.completions),
      newFollowers: n(row?.new_followers),
      revenueCents: n(row?.revenue_cents),
      likes: n(row?.likes),
      comments: n(row?.comments),
      ratings: n(row?.ratings),
    };
  }

  async series(scope: Scope, scopeId: string, range: ReportRange): Promise<SeriesPoint[]> {
    const unit = range.granularity;
    const rows = await this.em.execute<Array<Record<string, unknown>>>(
      `with buckets as (
         select generate_series(date_trunc('${unit}', ?::timestamptz, ?), ?::timestamptz - interval '1 microsecond', interval '1 ${unit}', ?) as local_start
       ), r as (
         select date_trunc('${unit}', bucket, ?) as local_start, sum(views) as views, sum(watch_seconds) as watch_seconds, sum(completions) as completions,
           sum(new_followers) as new_followers, sum(revenue_cents) as revenue_cents,
           sum(likes) as likes, sum(comments) as comments, sum(ratings) as ratings
         from insights.rollups where grain = 'hour' and scope = ? and scope_id = ? and bucket >= ?::timestamptz and bucket < ?::timestamptz
         group by 1
       ), u as (
         select date_trunc('${unit}', hour, ?) as local_start, count(distinct viewer_key) as unique_viewers
         from insights.hourly_viewers where scope = ? and scope_id = ? and hour >= ?::timestamptz and hour < ?::timestamptz
         group by 1
       )
       select b.local_start, coalesce(r.views, 0) as views, coalesce(r.watch_seconds, 0) as watch_seconds, coalesce(r.completions, 0) as completions,
         coalesce(r.new_followers, 0) as new_followers, coalesce(r.revenue_cents, 0) as revenue_cents, coalesce(u.unique_viewers, 0) as unique_viewers,
         coalesce(r.likes, 0) as likes, coalesce(r.comments, 0) as comments, coalesce(r.ratings, 0) as ratings
       from buckets b left join r using (local_start) left join u using (local_start) order by b.local_start`,
      [
        iso(range.from),
        range.tz,
        iso(range.to),
        range.tz,
        range.tz,
        scope,
        scopeId,
        iso(range.from),
        iso(range.to),
        range.tz,
        scope,
        scopeId,
        iso(range.from),
        iso(range.to),
      ],
    );
    return rows.map((row) => ({
      start: new Date(row.local_start as string).toISOString(),
      views: n(row.views),
      uniqueViewers: n(row.unique_viewers),
      watchSeconds: Math.round(n(row.watch_seconds) * 100) / 100,
      completions: n(row.completions),
      newFollowers: n(row.new_followers),
      revenueCents: n(row.revenue_cents),
      likes: n(row.likes),
      comments: n(row.comments),
      ratings: n(row.ratings),
    }));
  }

  async breakdown(
    scope: Scope,
    scopeId: string,
    dimension: 'source' | 'country' | 'device',
    from: Date,
    to: Date,
  ): Promise<Breakdown[]> {
    const rows = await this.em.execute<Array<{ value: string; views: unknown }>>(
      `select value, sum(views) as views from insights.rollup_breakdowns
       where grain = 'hour' and scope = ? and scope_id = ? and dimension = ? and bucket >= ?::timestamptz and bucket < ?::timestamptz
       group by value order by sum(views) desc, value limit 50`,
      [scope, scopeId, dimension, iso(from), iso(to)],
    );
    return rows.map((row) => ({ value: row.value, views: n(row.views) }));
  }

  async reachHistogram(videoId: string, from: Date, to: Date): Promise<number[]> {
    const rows = await this.em.execute<Array<{ b: number; n: unknown }>>(
      `select h.b - 1 as b, sum(h.n) as n from insights.rollups r cross join lateral unnest(r.reach_hist) with ordinality as h(n, b)
       where r.grain = 'hour' and r.scope = 'video' and r.scope_id = ? and r.bucket >= ?::timestamptz and r.bucket < ?::timestamptz
       group by h.b order by h.b`,
      [videoId, iso(from), iso(to)],
    );
    const histogram = new Array<number>(21).fill(0);
    for (const row of rows) histogram[Number(row.b)] = n(row.n);
    return histogram;
  }

  async topVideos(
    scope: Scope,
    scopeId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<PlatformFigures['topContent']> {
    // A channel's videos: the catalogue's, or those its events named in the range.
    const channelFilter =
      scope === 'platform'
        ? ''
        : `and r.scope_id in (
             select video_id::text from insights.videos where channel_id = ?::uuid
             union select distinct video_id::text from insights.events
             where channel_id = ?::uuid and video_id is not null and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz)`;
    const rows = await this.em.execute<Array<Record<string, unknown>>>(
      `select r.scope_id as video_id, sum(r.views) as views, sum(r.watch_seconds) as watch_seconds,
         (select channel_id::text from insights.videos v where v.video_id::text = r.scope_id) as catalogued_channel
       from insights.rollups r
       where r.grain = 'hour' and r.scope = 'video' and r.bucket >= ?::timestamptz and r.bucket < ?::timestamptz ${channelFilter}
       group by r.scope_id order by sum(r.views) desc, r.scope_id limit ?`,
      scope === 'platform'
        ? [iso(from), iso(to), limit]
        : [iso(from), iso(to), scopeId, scopeId, iso(from), iso(to), limit],
    );
    return rows.map((row) => ({
      videoId: String(row.video_id),
      channelId: (row.catalogued_channel as string | null) ?? (scope === 'platform' ? null : scopeId),
      views: n(row.views),
      watchSeconds: Math.round(n(row.watch_seconds) * 100) / 100,
    }));
  }

  async revenueStreams(range: { from: Date; to: Date }): Promise<RevenueStreamsDay[]> {
    const rows = await this.em.execute<Array<{ day: string; currency: string; stream: string; amount: string }>>(
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, currency, stream, sum(amount)::bigint as amount
       from insights.revenue_entries where occurred_at >= ? and occurred_at < ?
       group by 1, currency, stream order by 1, currency`,
      [range.from, range.to],
    );
    const days = new Map<string, RevenueStreamsDay>();
    for (const row of rows) {
      const key = `${row.day}|${row.currency}`;
      const day = days.get(key) ?? {
        day: row.day,
        currency: row.currency,
        streams: Object.fromEntries(REVENUE_STREAM_NAMES.map((name) => [name, 0])) as RevenueStreamsDay['streams'],
      };
      day.streams[row.stream as RevenueStreamName] += Number(row.amount);
      days.set(key, day);
    }
    return [...days.values()];
  }

  /** Platform figures are in UTC days and ISO weeks, whatever the session's time zone. */
  async platform(range: ReportRange): Promise<PlatformFigures> {
    return this.em.transactional(async (em) => {
      await em.execute(`set local time zone 'UTC'`);
      return this.platformIn(em, range);
    });
  }

  private async platformIn(em: EntityManager, range: ReportRange): Promise<PlatformFigures> {
    const from = iso(range.from);
    const to = iso(range.to);
    const [active] = await em.execute<Array<Record<string, unknown>>>(
      `with last as (select (?::timestamptz - interval '1 microsecond')::date as d)
       select count(distinct user_id) filter (where day = last.d) as dau, count(distinct user_id) filter (where day > last.d - 7) as wau,
         count(distinct user_id) as mau
       from insights.daily_active_users, last where day > last.d - 30 and day <= last.d`,
      [to],
    );
    const dailyActive = await em.execute<Array<{ day: unknown; users: unknown }>>(
      `select d.day, count(a.user_id) as users
       from generate_series(?::timestamptz::date, (?::timestamptz - interval '1 microsecond')::date, interval '1 day') as d(day)
       left join insights.daily_active_users a on a.day = d.day::date group by d.day order by d.day`,
      [from, to],
    );
    const newUserSeries = await em.execute<Array<{ day: unknown; users: unknown }>>(
      `select d.day, count(u.user_id) as users
       from generate_series(?::timestamptz::date, (?::timestamptz - interval '1 microsecond')::date, interval '1 day') as d(day)
       left join insights.users u on u.registered_at >= d.day and u.registered_at < d.day + interval '1 day'
         and u.registered_at >= ?::timestamptz and u.registered_at < ?::timestamptz
       group by d.day order by d.day`,
      [from, to, from, to],
    );
    const cohortRows = await em.execute<Array<{ week: unknown; size: unknown; retained: unknown[] }>>(
      `with cohort as (
         select user_id, date_trunc('week', registered_at, 'UTC') as week from insights.users
         where registered_at >= ?::timestamptz and registered_at < ?::timestamptz
       ), weeks as (
         select c.week, k from (select distinct week from cohort) c
         cross join lateral generate_series(0, greatest(0, ceil(extract(epoch from (?::timestamptz - c.week)) / 604800)::int - 1)) as k
       )
       select w.week, (select count(*) from cohort c where c.week = w.week) as size,
         array_agg((select count(distinct a.user_id) from insights.daily_active_users a join cohort c on c.user_id = a.user_id and c.week = w.week
           where a.day >= (w.week + k * interval '7 days')::date and a.day < (w.week + (k + 1) * interval '7 days')::date) order by k) as retained
       from weeks w group by w.week order by w.week`,
      [from, to, to],
    );
    const [funnel] = await em.execute<Array<Record<string, unknown>>>(
      `with signed as (select user_id from insights.users where registered_at >= ?::timestamptz and registered_at < ?::timestamptz),
       viewed as (
         select distinct s.user_id from signed s join insights.hourly_viewers v
           on v.scope = 'platform' and v.scope_id = '*' and v.viewer_key = s.user_id::text and v.hour >= ?::timestamptz and v.hour < ?::timestamptz
       )
       select
         (select count(distinct viewer_key) from insights.hourly_viewers where scope = 'visit' and hour >= ?::timestamptz and hour < ?::timestamptz) as visitors,
         (select count(*) from signed) as signups,
         (select count(*) from viewed) as first_view,
         (select count(distinct v.user_id) from viewed v join insights.subscriptions s on s.user_id = v.user_id
           and s.activated_at >= ?::timestamptz and s.activated_at < ?::timestamptz) as subscribed`,
      [from, to, from, to, from, to, from, to],
    );
    const revenueRows = await em.execute<Array<Record<string, unknown>>>(
      `with days as (
         select d.day::date as day from generate_series(?::timestamptz::date, (?::timestamptz - interval '1 microsecond')::date, interval '1 day') as d(day)
       )
       select d.day,
         (select coalesce(sum(delta_cents), 0) from insights.mrr_movements m where m.occurred_at < d.day + interval '1 day') as mrr,
         m.new_mrr, m.expansion_mrr, m.contraction_mrr, m.churned_mrr, m.reactivation_mrr, m.churned,
         (select coalesce(sum(revenue_cents), 0) from insights.rollups r where r.grain = 'hour' and r.scope = 'platform' and r.scope_id = '*'
           and r.bucket >= d.day and r.bucket < d.day + interval '1 day') as revenue
       from days d cross join lateral (
         select coalesce(sum(delta_cents) filter (where kind = 'new'), 0) as new_mrr,
           coalesce(sum(delta_cents) filter (where kind = 'expansion'), 0) as expansion_mrr,
           coalesce(-sum(delta_cents) filter (where kind = 'contraction'), 0) as contraction_mrr,
           coalesce(-sum(delta_cents) filter (where kind = 'churn'), 0) as churned_mrr,
           coalesce(sum(delta_cents) filter (where kind = 'reactivation'), 0) as reactivation_mrr,
           count(*) filter (where kind = 'churn') as churned
         from insights.mrr_movements where occurred_at >= d.day and occurred_at < d.day + interval '1 day'
       ) m
       order by d.day`,
      [from, to],
    );
    return {
      activeUsers: { dau: n(active?.dau), wau: n(active?.wau), mau: n(active?.mau) },
      newUsers: newUserSeries.reduce((sum, row) => sum + n(row.users), 0),
      dailyActive: dailyActive.map((row) => ({ day: day(row.day), users: n(row.users) })),
      newUserSeries: newUserSeries.map((row) => ({ day: day(row.day), users: n(row.users) })),
      cohorts: cohortRows.map((row) => ({
        week: day(row.week),
        size: n(row.size),
        retained: (row.retained ?? []).map(n),
      })),
      funnel: {
        visitors: n(funnel?.visitors),
        signups: n(funnel?.signups),
        firstView: n(funnel?.first_view),
        subscribed: n(funnel?.subscribed),
      },
      topContent: await this.topVideos('platform', '*', range.from, range.to, 10),
      revenue: revenueRows.map((row) => ({
        day: day(row.day),
        mrrCents: n(row.mrr),
        revenueCents: n(row.revenue),
        newMrrCents: n(row.new_mrr),
        expansionMrrCents: n(row.expansion_mrr),
        contractionMrrCents: n(row.contraction_mrr),
        churnedMrrCents: n(row.churned_mrr),
        reactivationMrrCents: n(row.reactivation_mrr),
        churnedSubscriptions: n(row.churned),
      })),
    };
  }
}
