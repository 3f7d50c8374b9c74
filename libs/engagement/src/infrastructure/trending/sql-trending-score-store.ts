import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TrendingScoreStore, type TrendingScoreRow } from '../../application/trending/trending-ports.js';
import type { TrendRecompute } from '../../domain/trending/trend-recompute.js';

/** Rows per insert statement (one jsonb parameter each). */
const CHUNK = 2_000;

@Injectable()
export class SqlTrendingScoreStore extends TrendingScoreStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async lock(): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('engagement.trending-recompute'))`);
  }

  async replace(rows: TrendingScoreRow[], computedAt: Date): Promise<void> {
    await this.em.execute(`delete from engagement.trending_scores`);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK).map((row) => ({ ...row, time_window: row.window }));
      await this.em.execute(
        `insert into engagement.trending_scores (kind, time_window, language, category, rank, subject, score, computed_at)
         select r.kind, r.time_window, r.language, r.category, r.rank, r.subject, r.score, ?::timestamptz
           from jsonb_to_recordset(?::jsonb) as r(kind text, time_window text, language text, category text,
                                                  rank integer, subject text, score double precision)`,
        [computedAt.toISOString(), JSON.stringify(chunk)],
      );
    }
  }

  async publishedVideoScores(): Promise<Map<string, number>> {
    const rows = await this.em.execute<Array<{ video_id: string; score: number }>>(
      `select video_id, score from engagement.trend_published_scores`,
    );
    return new Map(rows.map((row) => [row.video_id, Number(row.score)]));
  }

  async rememberPublishedScores(changes: Array<{ videoId: string; score: number }>): Promise<void> {
    if (!changes.length) return;
    const payload = JSON.stringify(changes.map((change) => ({ video_id: change.videoId, score: change.score })));
    // A video that left the list (score 0) is forgotten: the catalog has been told 0 already.
    await this.em.execute(
      `delete from engagement.trend_published_scores p
        using jsonb_to_recordset(?::jsonb) as r(video_id uuid, score double precision)
        where p.video_id = r.video_id and r.score = 0`,
      [payload],
    );
    await this.em.execute(
      `insert into engagement.trend_published_scores (video_id, score)
       select r.video_id, r.score from jsonb_to_recordset(?::jsonb) as r(video_id uuid, score double precision)
        where r.score <> 0
       on conflict (video_id) do update set score = excluded.score`,
      [payload],
    );
  }

  async saveRun(run: TrendRecompute): Promise<void> {
    // Runs are kept a week for inspection; their events are in the outbox already.
    await this.em.execute(
      `delete from engagement.trend_recomputes where computed_at < ?::timestamptz - interval '7 days'`,
      [run.computedAt.toISOString()],
    );
    await this.em.persist(run).flush();
  }
}
