import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  TrendingReadModel,
  type TrendingItemView,
  type TrendingListRequest,
} from '../../application/trending/trending.read-model.js';

interface ScoreRow {
  rank: number;
  score: number;
  subject: string;
  channel_id?: string;
  creator_id?: string;
  title?: string;
  language?: string | null;
  category?: string | null;
  handle?: string | null;
  display_name?: string | null;
  avatar_url?: string | null;
}

@Injectable()
export class SqlTrendingReadModel extends TrendingReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async list(request: TrendingListRequest): Promise<{ items: TrendingItemView[]; computedAt: Date | null }> {
    const params = [request.kind, request.window, request.language, request.category, request.afterRank, request.limit];
    const where = `t.kind = ? and t.time_window = ? and t.language = ? and t.category = ? and t.rank > ?`;
    // Videos and creators taken down since the last recompute drop out at once, not at the next run.
    const sql =
      request.kind === 'video'
        ? `select t.rank, t.score, t.subject, v.channel_id, v.creator_id, v.title, v.language, v.category
             from engagement.trending_scores t
             join engagement.trend_videos v on v.video_id = t.subject::uuid
            where ${where} and v.status = 'published' and v.moderation = 'visible'
              and not exists (select 1 from engagement.trend_sanctioned_accounts x where x.user_id = v.creator_id)
            order by t.rank limit ?`
        : request.kind === 'creator'
          ? `select t.rank, t.score, t.subject, p.handle, p.display_name, p.avatar_url
               from engagement.trending_scores t
               left join engagement.people p on p.user_id = t.subject::uuid
              where ${where}
                and not exists (select 1 from engagement.trend_sanctioned_accounts x where x.user_id = t.subject::uuid)
              order by t.rank limit ?`
          : `select t.rank, t.score, t.subject from engagement.trending_scores t where ${where} order by t.rank limit ?`;
    const rows = await this.em.execute<ScoreRow[]>(sql, params);
    const [last] = await this.em.execute<Array<{ computed_at: Date | string }>>(
      `select computed_at from engagement.trend_recomputes order by computed_at desc limit 1`,
    );
    return {
      items: rows.map((row) => toView(request.kind, row)),
      computedAt: last ? new Date(last.computed_at) : null,
    };
  }
}

function toView(kind: TrendingListRequest['kind'], row: ScoreRow): TrendingItemView {
  const base = { rank: Number(row.rank), score: Math.round(Number(row.score) * 1000) / 1000 };
  if (kind === 'video')
    return {
      ...base,
      videoId: row.subject,
      channelId: row.channel_id!,
      creatorId: row.creator_id!,
      title: row.title ?? '',
      language: row.language ?? null,
      category: row.category ?? null,
    };
  if (kind === 'creator')
    return {
      ...base,
      creatorId: row.subject,
      handle: row.handle ?? null,
      displayName: row.display_name ?? null,
      avatarUrl: row.avatar_url ?? null,
    };
  return { ...base, tag: row.subject };
}
