import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { RollupBuilder } from '../../application/event-store.js';
import { DAY_MS, HOUR_MS } from '../../domain/hours.js';
import { pgArray } from './pg-array.js';

/** Each event counted in every scope it belongs to: its video, channel, creator and the platform. */
const SCOPED = `
  e as (select * from insights.events where occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz),
  s as (
    select x.scope, x.scope_id, e.*, floor(extract(epoch from e.occurred_at) / ?::int) as view_window
    from e cross join lateral (values ('video', e.video_id::text), ('channel', e.channel_id::text), ('creator', e.creator_id::text), ('platform', '*'))
      as x(scope, scope_id)
    where x.scope_id is not null
    union all
    -- People follow creators, dashboards are per channel: a follow also counts on each channel its creator owns.
    select 'channel', c.channel_id::text, e.*, null::double precision
    from e join insights.channels c on c.owner_id = e.channel_id
    where e.source = 'domain' and e.name = 'follow'
  )`;

/**
 * Rollups as plain SQL over one hour (or day) at a time. Every build deletes and rewrites its
 * buckets inside one transaction, so running it twice, or for a range again, gives the same rows.
 * A view is one (viewer, video, aligned view window) with a video_start; the window divides the
 * hour, so hourly view counts add up to exact daily ones.
 */
@Injectable()
export class SqlRollupBuilder extends RollupBuilder {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async rebuildHour(hour: Date): Promise<void> {
    const from = hour.toISOString();
    const to = new Date(hour.getTime() + HOUR_MS).toISOString();
    const windowSeconds = this.config.insights.viewWindowMinutes * 60;
    await this.em.transactional(async (em) => {
      await oneBuildAtATime(em, 'hour', from);
      await em.execute(`delete from insights.rollups where grain = 'hour' and bucket = ?::timestamptz`, [from]);
      await em.execute(`delete from insights.rollup_breakdowns where grain = 'hour' and bucket = ?::timestamptz`, [
        from,
      ]);
      await em.execute(`delete from insights.hourly_viewers where hour = ?::timestamptz`, [from]);
      await em.execute(
        `with ${SCOPED}
         insert into insights.rollups (grain, bucket, scope, scope_id, views, unique_viewers, watch_seconds, completions, new_followers, revenue_cents, events, likes, comments, ratings)
         select 'hour', ?::timestamptz, scope, scope_id,
           count(distinct (viewer_key, video_id, view_window)) filter (where source = 'client' and name = 'video_start' and video_id is not null),
           count(distinct viewer_key) filter (where source = 'client' and video_id is not null and name in ('video_start', 'video_progress', 'video_complete')),
           coalesce(sum(watch_seconds) filter (where source = 'client' and name = 'video_progress'), 0),
           count(distinct (viewer_key, video_id, view_window)) filter (where source = 'client' and name = 'video_complete' and video_id is not null),
           count(*) filter (where source = 'domain' and name = 'follow'),
           coalesce(sum(amount_cents) filter (where source = 'domain' and name in ('payment', 'refund')), 0),
           count(*),
           -- Engagement as net changes: an unlike, a deleted comment or a withdrawn rating takes one back.
           count(*) filter (where source = 'domain' and name = 'like') - count(*) filter (where source = 'domain' and name = 'unlike'),
           count(*) filter (where source = 'domain' and name = 'comment') - count(*) filter (where source = 'domain' and name = 'comment_deleted'),
           count(*) filter (where source = 'domain' and name = 'rating' and properties->>'previousStars' is null)
             - count(*) filter (where source = 'domain' and name = 'rating_withdrawn')
         from s group by scope, scope_id`,
        [from, to, windowSeconds, from],
      );
      // How far each viewer got in each video this hour, as a 21-bucket histogram (0%, 5%, ... 100%).
      await em.execute(
        `with reach as (
           select video_id, viewer_key, least(20, floor(max(position_pct) / 5))::int as bucket
           from insights.events
           where occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz and source = 'client' and video_id is not null
             and position_pct is not null
           group by video_id, viewer_key
         ), hist as (
           select video_id, array_agg(coalesce(n, 0) order by b) as reach_hist
           from (select distinct video_id from reach) v
           cross join generate_series(0, 20) b
           left join lateral (select count(*)::int as n from reach r where r.video_id = v.video_id and r.bucket = b) c on true
           group by video_id
         )
         update insights.rollups r set reach_hist = hist.reach_hist from hist
         where r.grain = 'hour' and r.bucket = ?::timestamptz and r.scope = 'video' and r.scope_id = hist.video_id::text`,
        [from, to, from],
      );
      await em.execute(
        `with ${SCOPED}
         insert into insights.rollup_breakdowns (grain, bucket, scope, scope_id, dimension, value, views)
         select 'hour', ?::timestamptz, scope, scope_id, d.dimension, d.value, count(distinct (viewer_key, video_id, view_window))
         from s cross join lateral (values ('source', coalesce(s.traffic_source, 'direct')), ('country', coalesce(s.country, 'unknown')),
           ('device', coalesce(s.device, 'other'))) as d(dimension, value)
         where source = 'client' and name = 'video_start' and video_id is not null
         group by scope, scope_id, d.dimension, d.value`,
        [from, to, windowSeconds, from],
      );
      await em.execute(
        `with ${SCOPED}
         insert into insights.hourly_viewers (scope, scope_id, hour, viewer_key)
         select distinct scope, scope_id, ?::timestamptz, viewer_key from s
         where source = 'client' and video_id is not null and viewer_key is not null and name in ('video_start', 'video_progress', 'video_complete')`,
        [from, to, windowSeconds, from],
      );
      // Visitors (the funnel's first step): sessions with a page view, under the pseudo-scope `visit`.
      await em.execute(
        `insert into insights.hourly_viewers (scope, scope_id, hour, viewer_key)
         select distinct 'visit', '*', ?::timestamptz, 's:' || session_id from insights.events
         where occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz and source = 'client' and name = 'page_view' and session_id is not null`,
        [from, from, to],
      );
    });
  }

  async rebuildDay(day: Date): Promise<void> {
    const from = day.toISOString();
    const to = new Date(day.getTime() + DAY_MS).toISOString();
    await this.em.transactional(async (em) => {
      await oneBuildAtATime(em, 'day', from);
      await em.execute(`delete from insights.rollups where grain = 'day' and bucket = ?::timestamptz`, [from]);
      await em.execute(`delete from insights.rollup_breakdowns where grain = 'day' and bucket = ?::timestamptz`, [
        from,
      ]);
      await em.execute(
        `insert into insights.rollups (grain, bucket, scope, scope_id, views, unique_viewers, watch_seconds, completions, new_followers, revenue_cents, events, likes, comments, ratings)
         select 'day', ?::timestamptz, r.scope, r.scope_id, sum(r.views), coalesce(max(u.n), 0), sum(r.watch_seconds), sum(r.completions),
           sum(r.new_followers), sum(r.revenue_cents), sum(r.events), sum(r.likes), sum(r.comments), sum(r.ratings)
         from insights.rollups r
         left join lateral (
           select count(distinct viewer_key)::int as n from insights.hourly_viewers v
           where v.scope = r.scope and v.scope_id = r.scope_id and v.hour >= ?::timestamptz and v.hour < ?::timestamptz
         ) u on true
         where r.grain = 'hour' and r.bucket >= ?::timestamptz and r.bucket < ?::timestamptz
         group by r.scope, r.scope_id`,
        [from, from, to, from, to],
      );
      await em.execute(
        `insert into insights.rollup_breakdowns (grain, bucket, scope, scope_id, dimension, value, views)
         select 'day', ?::timestamptz, scope, scope_id, dimension, value, sum(views)
         from insights.rollup_breakdowns where grain = 'hour' and bucket >= ?::timestamptz and bucket < ?::timestamptz
         group by scope, scope_id, dimension, value`,
        [from, from, to],
      );
      await em.execute(`delete from insights.daily_active_users where day = ?::date`, [from.slice(0, 10)]);
      await em.execute(
        `insert into insights.daily_active_users (day, user_id)
         select distinct ?::date, user_id from insights.events
         where occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz and source = 'client' and user_id is not null`,
        [from.slice(0, 10), from, to],
      );
    });
  }

  async markDirty(hours: Date[]): Promise<void> {
    if (!hours.length) return;
    const list = pgArray(hours.map((hour) => hour.toISOString()));
    await this.em.execute(
      `with dirty as (
         insert into insights.dirty_hours (hour) select unnest(?::timestamptz[]) on conflict do nothing
       )
       delete from insights.rollup_builds where hour = any(?::timestamptz[])`,
      [list, list],
    );
  }

  /**
   * Unmarks first: an event committed while the hour is rebuilt marks it again for the next run. The
   * taken hours are recorded as being built until `finishBuilds`, so a runner that must see every stored
   * event (an export) can wait for them; ingestion never touches that table. No `skip locked`: a runner
   * that skipped an hour another is taking could look for builds in progress before that take commits,
   * find none, and export without the hour; waiting for the other take is short and ordered by hour.
   */
  async takeDirtyHours(limit: number): Promise<Date[]> {
    const rows = await this.em.execute<Array<{ hour: Date | string }>>(
      `with taken as (
         delete from insights.dirty_hours where hour in (select hour from insights.dirty_hours order by hour limit ? for update) returning hour
       ), building as (
         insert into insights.rollup_builds (hour, taken_at) select hour, now() from taken
         on conflict (hour) do update set taken_at = excluded.taken_at
       )
       select hour from taken`,
      [limit],
    );
    return rows.map((row) => new Date(row.hour)).sort((a, b) => a.getTime() - b.getTime());
  }

  async finishBuilds(hours: Date[]): Promise<void> {
    if (!hours.length) return;
    await this.em.execute(`delete from insights.rollup_builds where hour = any(?::timestamptz[])`, [
      pgArray(hours.map((hour) => hour.toISOString())),
    ]);
  }

  async buildsInProgress(staleAfterMs: number): Promise<boolean> {
    const rows = await this.em.execute<Array<{ busy: boolean }>>(
      `select exists (select 1 from insights.rollup_builds where taken_at > now() - make_interval(secs => ?)) as busy`,
      [staleAfterMs / 1_000],
    );
    return rows[0]?.busy === true;
  }
}

/**
 * Two builds of one bucket at once (the scheduled job and a rebuild from the CLI, or two workers) would both
 * delete, then both insert: a duplicate key. The second waits for the first to commit and rewrites after it.
 */
async function oneBuildAtATime(em: EntityManager, grain: 'hour' | 'day', bucket: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`insights.rollup:${grain}:${bucket}`]);
}
