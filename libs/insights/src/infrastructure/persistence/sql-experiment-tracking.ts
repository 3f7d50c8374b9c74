import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  ExperimentTracking,
  type ConversionRecord,
  type ImpressionRecord,
  type SurfaceReach,
  type VideoReach,
} from '../../application/experiments/experiment-tracking.js';
import type { ArmCounts } from '../../domain/experiments/analysis.js';

/** A conversion may be stamped a little before its impression by a skewed client clock. */
const CLOCK_SKEW = `interval '5 minutes'`;

@Injectable()
export class SqlExperimentTracking extends ExperimentTracking {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordImpressions(rows: ImpressionRecord[]): Promise<void> {
    const payload = JSON.stringify(
      rows.map((row) => ({
        impression_id: row.impressionId,
        experiment_id: row.experimentId,
        arm: row.arm,
        surface: row.surface,
        subject: row.subject,
        video_ids: row.videoIds,
        shown_at: row.at.toISOString(),
        event_id: row.eventId,
      })),
    );
    // One statement: the first report of an impression id wins, and only it lists its videos.
    await this.em.execute(
      `with incoming as (
         select distinct on (impression_id) * from jsonb_to_recordset(?::jsonb)
           as r(impression_id text, experiment_id uuid, arm text, surface text, subject text, video_ids uuid[], shown_at timestamptz, event_id uuid)
         order by impression_id, shown_at
       ), fresh as (
         insert into insights.recommendation_impressions (impression_id, experiment_id, arm, surface, subject, video_ids, shown_at, event_id)
         select impression_id, experiment_id, arm, surface, subject, video_ids, shown_at, event_id from incoming
         on conflict do nothing
         returning impression_id, surface, video_ids, shown_at
       )
       insert into insights.recommendation_impression_videos (impression_id, video_id, surface, shown_at)
       select distinct f.impression_id, v.video_id, f.surface, f.shown_at from fresh f cross join unnest(f.video_ids) as v(video_id)
       on conflict do nothing`,
      [payload],
    );
  }

  async recordConversions(rows: ConversionRecord[], windowMs: number): Promise<number> {
    const payload = JSON.stringify(
      rows.map((row) => ({
        impression_id: row.impressionId,
        kind: row.kind,
        video_id: row.videoId,
        subject: row.subject,
        occurred_at: row.at.toISOString(),
        event_id: row.eventId,
      })),
    );
    const stored = await this.em.execute<Array<{ impression_id: string }>>(
      `insert into insights.recommendation_conversions (impression_id, kind, video_id, occurred_at, event_id)
       select distinct on (c.impression_id, c.kind, c.video_id) c.impression_id, c.kind, c.video_id, c.occurred_at, c.event_id
       from jsonb_to_recordset(?::jsonb) as c(impression_id text, kind text, video_id uuid, subject text, occurred_at timestamptz, event_id uuid)
       join insights.recommendation_impressions i on i.impression_id = c.impression_id and i.subject = c.subject
       where c.video_id = any(i.video_ids)
         and c.occurred_at >= i.shown_at - ${CLOCK_SKEW}
         and c.occurred_at <= i.shown_at + ? * interval '1 millisecond'
       order by c.impression_id, c.kind, c.video_id, c.occurred_at
       on conflict do nothing
       returning impression_id`,
      [payload, windowMs],
    );
    return stored.length;
  }

  async attributeSubscription(subject: string, at: Date, eventId: string, windowMs: number): Promise<number> {
    const stored = await this.em.execute<Array<{ impression_id: string }>>(
      `insert into insights.recommendation_conversions (impression_id, kind, video_id, occurred_at, event_id)
       select impression_id, 'subscription', null, ?::timestamptz, ?::uuid from (
         select distinct on (experiment_id) impression_id
         from insights.recommendation_impressions
         where subject = ? and experiment_id is not null
           and shown_at <= ?::timestamptz + ${CLOCK_SKEW} and shown_at > ?::timestamptz - ? * interval '1 millisecond'
         order by experiment_id, shown_at desc
       ) latest
       on conflict do nothing
       returning impression_id`,
      [at.toISOString(), eventId, subject, at.toISOString(), at.toISOString(), windowMs],
    );
    return stored.length;
  }

  async countsByArm(experimentId: string): Promise<ArmCounts[]> {
    const rows = await this.em.execute<
      Array<{
        arm: string;
        exposures: number;
        click: number;
        watch_start: number;
        completion: number;
        subscription: number;
      }>
    >(
      `select i.arm, count(*)::int as exposures,
         count(*) filter (where k.click)::int as click,
         count(*) filter (where k.watch_start)::int as watch_start,
         count(*) filter (where k.completion)::int as completion,
         count(*) filter (where k.subscription)::int as subscription
       from insights.recommendation_impressions i
       cross join lateral (
         select coalesce(bool_or(kind = 'click'), false) as click, coalesce(bool_or(kind = 'watch_start'), false) as watch_start,
           coalesce(bool_or(kind = 'completion'), false) as completion, coalesce(bool_or(kind = 'subscription'), false) as subscription
         from insights.recommendation_conversions c where c.impression_id = i.impression_id
       ) k
       where i.experiment_id = ?
       group by i.arm`,
      [experimentId],
    );
    return rows.map((row) => ({
      arm: row.arm,
      exposures: row.exposures,
      conversions: {
        click: row.click,
        watch_start: row.watch_start,
        completion: row.completion,
        subscription: row.subscription,
      },
    }));
  }

  async reachOfChannel(channelId: string, from: Date, to: Date) {
    const shown = `from insights.recommendation_impression_videos v
       join insights.videos cat on cat.video_id = v.video_id
       left join insights.recommendation_conversions c
         on c.impression_id = v.impression_id and c.kind = 'click' and c.video_id = v.video_id
       where cat.channel_id = ? and v.shown_at >= ? and v.shown_at < ?`;
    const params = [channelId, from.toISOString(), to.toISOString()];
    const surfaces = await this.em.execute<SurfaceReach[]>(
      `select v.surface, count(*)::int as impressions, count(c.impression_id)::int as clicks ${shown}
       group by v.surface order by impressions desc, v.surface`,
      params,
    );
    const videos = await this.em.execute<Array<{ video_id: string; impressions: number; clicks: number }>>(
      `select v.video_id, count(*)::int as impressions, count(c.impression_id)::int as clicks ${shown}
       group by v.video_id order by impressions desc, v.video_id limit 20`,
      params,
    );
    return {
      surfaces,
      videos: videos.map((row): VideoReach => ({
        videoId: row.video_id,
        impressions: row.impressions,
        clicks: row.clicks,
      })),
    };
  }

  async pruneBefore(cutoff: Date) {
    const [counts] = await this.em.execute<Array<{ impressions: number; conversions: number }>>(
      `with old as (
         delete from insights.recommendation_impressions where experiment_id is null and shown_at < ? returning impression_id),
       conversions as (
         delete from insights.recommendation_conversions c using old where c.impression_id = old.impression_id returning 1)
       select (select count(*) from old)::int as impressions, (select count(*) from conversions)::int as conversions`,
      [cutoff],
    );
    const videoRows = await this.em.execute<Array<{ n: number }>>(
      `delete from insights.recommendation_impression_videos where shown_at < ? returning 1 as n`,
      [cutoff],
    );
    return { impressions: counts.impressions, conversions: counts.conversions, videoRows: videoRows.length };
  }
}
