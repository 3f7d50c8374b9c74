import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { TrendSignalKind } from '../../domain/trending/trend-scoring.js';
import {
  TrendSignals,
  type EligibleTrendSignal,
  type RecordedTrendSignal,
} from '../../application/trending/trending-ports.js';

interface SignalRow {
  kind: TrendSignalKind;
  video_id: string | null;
  creator_id: string;
  actor_id: string;
  trust_level: number;
  hashtags: string[];
  language: string | null;
  category: string | null;
  occurred_at: Date | string;
}

@Injectable()
export class SqlTrendSignals extends TrendSignals {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async record(signal: RecordedTrendSignal): Promise<void> {
    await this.em.execute(
      `insert into engagement.trend_signals (id, kind, video_id, followee_id, actor_id, trust_level, hashtags, source_id, occurred_at)
       select ?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?::timestamptz
       on conflict (id) do nothing`,
      [
        signal.id,
        signal.kind,
        signal.videoId,
        signal.followeeId,
        signal.actorId,
        signal.trustLevel,
        JSON.stringify(signal.hashtags),
        signal.sourceId,
        signal.at.toISOString(),
      ],
    );
  }

  async withdrawLike(videoId: string, actorId: string): Promise<void> {
    await this.em.execute(
      `delete from engagement.trend_signals where video_id = ? and actor_id = ? and kind = 'like'`,
      [videoId, actorId],
    );
  }

  async withdrawComment(commentId: string): Promise<void> {
    await this.em.execute(`delete from engagement.trend_signals where source_id = ?`, [commentId]);
  }

  async prune(before: Date): Promise<void> {
    await this.em.execute(`delete from engagement.trend_signals where occurred_at < ?::timestamptz`, [
      before.toISOString(),
    ]);
  }

  async eligibleSince(since: Date): Promise<EligibleTrendSignal[]> {
    // Video signals count on published, visible videos; follows on creators with one. Creators' sanctions are checked live by the recompute.
    const rows = await this.em.execute<SignalRow[]>(
      `select s.kind, s.video_id, coalesce(v.creator_id, s.followee_id) as creator_id, s.actor_id, s.trust_level,
              s.hashtags, v.language, v.category, s.occurred_at
         from engagement.trend_signals s
         left join engagement.trend_videos v on v.video_id = s.video_id
        where s.occurred_at >= ?::timestamptz
          and not exists (select 1 from engagement.trend_sanctioned_accounts x where x.user_id = s.actor_id)
          and ((v.status = 'published' and v.moderation = 'visible')
            or (s.followee_id is not null and exists (
              select 1 from engagement.trend_videos c
               where c.creator_id = s.followee_id and c.status = 'published' and c.moderation = 'visible')))`,
      [since.toISOString()],
    );
    return rows.map((row) => ({
      kind: row.kind,
      videoId: row.video_id,
      creatorId: row.creator_id,
      actorId: row.actor_id,
      trustLevel: Number(row.trust_level),
      hashtags: row.hashtags ?? [],
      language: row.language,
      category: row.category,
      at: new Date(row.occurred_at),
    }));
  }
}
