import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CatalogCounts, NO_COUNTS, type VideoCounts } from '../../application/catalog/catalog-counts.js';

const byVideo = (a: { videoId: string }, b: { videoId: string }) =>
  a.videoId.toLowerCase().localeCompare(b.videoId.toLowerCase());

/**
 * `studio.catalog_counts`, one row per video. Each upsert changes a count only when its guard
 * (`views_counted_at`, `likes_version`, `trending_computed_at`) is older than the incoming one, and
 * bumps `revision` in the same statement, so concurrent consumers cannot lose a change.
 */
@Injectable()
export class SqlCatalogCounts extends CatalogCounts {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async of(videoId: string): Promise<VideoCounts> {
    const [row] = await this.em.execute<{ views: string; likes: string; trending: number; revision: string }[]>(
      'select views, likes, trending, revision from studio.catalog_counts where video_id = ?',
      [videoId],
    );
    if (!row) return NO_COUNTS;
    return {
      views: Number(row.views),
      likes: Number(row.likes),
      trending: Number(row.trending),
      revision: Number(row.revision),
    };
  }

  async lock(videoId: string): Promise<void> {
    await this.em.execute('insert into studio.catalog_counts (video_id) values (?) on conflict do nothing', [videoId]);
    await this.em.execute('select 1 from studio.catalog_counts where video_id = ? for update', [videoId]);
  }

  async recordViews(counts: { videoId: string; views: number }[], countedAt: Date): Promise<string[]> {
    // One row per video per statement, in id order so concurrent batches lock rows in the same order.
    counts = [...new Map(counts.map((c) => [c.videoId.toLowerCase(), c])).values()].sort(byVideo);
    if (!counts.length) return [];
    const rows = await this.em.execute<{ video_id: string }[]>(
      `insert into studio.catalog_counts as c (video_id, views, views_counted_at, revision)
       select t.video_id, t.views, ?::timestamptz, 1 from jsonb_to_recordset(?::jsonb) as t(video_id uuid, views bigint)
       on conflict (video_id) do update
         set views = excluded.views, views_counted_at = excluded.views_counted_at, revision = c.revision + 1
         where c.views_counted_at is null or c.views_counted_at < excluded.views_counted_at
       returning c.video_id`,
      [countedAt.toISOString(), JSON.stringify(counts.map((c) => ({ video_id: c.videoId, views: c.views })))],
    );
    return rows.map((row) => row.video_id);
  }

  async recordLikes(videoId: string, likes: number, version: number): Promise<string[]> {
    const rows = await this.em.execute<{ video_id: string }[]>(
      `insert into studio.catalog_counts as c (video_id, likes, likes_version, revision) values (?, ?, ?, 1)
       on conflict (video_id) do update
         set likes = excluded.likes, likes_version = excluded.likes_version, revision = c.revision + 1
         where c.likes_version < excluded.likes_version
       returning c.video_id`,
      [videoId, likes, version],
    );
    return rows.map((row) => row.video_id);
  }

  async recordTrending(scores: { videoId: string; score: number }[], computedAt: Date): Promise<string[]> {
    scores = [...new Map(scores.map((s) => [s.videoId.toLowerCase(), s])).values()].sort(byVideo);
    if (!scores.length) return [];
    const rows = await this.em.execute<{ video_id: string }[]>(
      `insert into studio.catalog_counts as c (video_id, trending, trending_computed_at, revision)
       select t.video_id, t.score, ?::timestamptz, 1 from jsonb_to_recordset(?::jsonb) as t(video_id uuid, score double precision)
       on conflict (video_id) do update
         set trending = excluded.trending, trending_computed_at = excluded.trending_computed_at, revision = c.revision + 1
         where c.trending_computed_at is null or c.trending_computed_at < excluded.trending_computed_at
       returning c.video_id`,
      [computedAt.toISOString(), JSON.stringify(scores.map((s) => ({ video_id: s.videoId, score: s.score })))],
    );
    return rows.map((row) => row.video_id);
  }
}
