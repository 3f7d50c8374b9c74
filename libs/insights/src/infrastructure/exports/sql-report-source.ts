import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Export } from '../../domain/export.js';
import { ReportSource, type ReportTable } from '../../application/exports/report-source.js';
import { pgArray } from '../persistence/pg-array.js';

const n = (value: unknown) => Number(value ?? 0);

/** Export rows from the rollups, page by page with keyset cursors (never the whole range at once). */
@Injectable()
export class SqlReportSource extends ReportSource {
  constructor(private readonly em: EntityManager) {
    super();
  }

  table(entry: Export): ReportTable {
    return entry.report === 'channel-daily' ? this.daily(entry) : this.videosByHour(entry);
  }

  async dailyViews(entry: Export) {
    const rows = await this.em.execute<Array<{ day: string; views: unknown; watch_seconds: unknown }>>(
      `select to_char(date_trunc('day', bucket, ?), 'YYYY-MM-DD') as day, sum(views) as views, sum(watch_seconds) as watch_seconds
       from insights.rollups where grain = 'hour' and scope = 'channel' and scope_id = ? and bucket >= ?::timestamptz and bucket < ?::timestamptz
       group by 1 order by 1`,
      [entry.tz, entry.channelId, entry.rangeFrom.toISOString(), entry.rangeTo.toISOString()],
    );
    return rows.map((row) => ({ day: row.day, views: n(row.views), watchSeconds: n(row.watch_seconds) }));
  }

  private daily(entry: Export): ReportTable {
    const em = this.em;
    return {
      columns: ['day', 'views', 'watch_time_seconds', 'completions', 'new_followers', 'revenue_cents'],
      async *pages(pageSize: number) {
        let after = '';
        for (;;) {
          const rows = await em.execute<Array<Record<string, unknown>>>(
            `select * from (
               select to_char(date_trunc('day', bucket, ?), 'YYYY-MM-DD') as day, sum(views) as views, sum(watch_seconds) as watch_seconds,
                 sum(completions) as completions, sum(new_followers) as new_followers, sum(revenue_cents) as revenue_cents
               from insights.rollups where grain = 'hour' and scope = 'channel' and scope_id = ? and bucket >= ?::timestamptz and bucket < ?::timestamptz
               group by 1) d
             where day > ? order by day limit ?`,
            [entry.tz, entry.channelId, entry.rangeFrom.toISOString(), entry.rangeTo.toISOString(), after, pageSize],
          );
          if (!rows.length) return;
          yield rows.map((row) => [
            String(row.day),
            n(row.views),
            Math.round(n(row.watch_seconds) * 100) / 100,
            n(row.completions),
            n(row.new_followers),
            n(row.revenue_cents),
          ]);
          after = String(rows[rows.length - 1].day);
          if (rows.length < pageSize) return;
        }
      },
    };
  }

  private videosByHour(entry: Export): ReportTable {
    const em = this.em;
    return {
      columns: ['hour', 'video_id', 'views', 'unique_viewers', 'watch_time_seconds', 'completions'],
      async *pages(pageSize: number) {
        let afterBucket = entry.rangeFrom.toISOString();
        let afterVideo = '';
        // The channel's videos once (a channel has far fewer videos than rows), then pages of rows.
        const videos = await em.execute<Array<{ id: string }>>(
          `select video_id::text as id from insights.videos where channel_id = ?::uuid
           union select distinct video_id::text from insights.events
           where channel_id = ?::uuid and video_id is not null and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz`,
          [entry.channelId, entry.channelId, entry.rangeFrom.toISOString(), entry.rangeTo.toISOString()],
        );
        const videoIds = videos.map((video) => video.id);
        if (!videoIds.length) return;
        for (;;) {
          const rows = await em.execute<Array<Record<string, unknown>>>(
            `select r.bucket, r.scope_id, r.views, r.unique_viewers, r.watch_seconds, r.completions
             from insights.rollups r
             where r.grain = 'hour' and r.scope = 'video' and r.bucket < ?::timestamptz and (r.bucket, r.scope_id) > (?::timestamptz, ?)
               and r.scope_id = any(?::text[])
             order by r.bucket, r.scope_id limit ?`,
            [entry.rangeTo.toISOString(), afterBucket, afterVideo, pgArray(videoIds), pageSize],
          );
          if (!rows.length) return;
          yield rows.map((row) => [
            new Date(row.bucket as string).toISOString(),
            String(row.scope_id),
            n(row.views),
            n(row.unique_viewers),
            Math.round(n(row.watch_seconds) * 100) / 100,
            n(row.completions),
          ]);
          const last = rows[rows.length - 1];
          afterBucket = new Date(last.bucket as string).toISOString();
          afterVideo = String(last.scope_id);
          if (rows.length < pageSize) return;
        }
      },
    };
  }
}
