import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { InteractionSignal, Neighbor, SignalKind } from '../../domain/recommendations/recommender.js';
import {
  RecommendationReadModel,
  type CandidateFilter,
  type PersonSignals,
  type RecommendableVideo,
} from '../../application/recommendations/recommendation-ports.js';

/** Trending's eligibility (published, not taken down, creator not sanctioned) is the recommendations' too. */
export const ELIGIBLE = `v.status = 'published' and v.moderation = 'visible'
  and not exists (select 1 from engagement.trend_sanctioned_accounts x where x.user_id = v.creator_id)`;

export const FEATURE_COLUMNS = `v.video_id, v.channel_id, v.creator_id, v.category, v.language, v.tags, v.series_id,
  v.duration_seconds, v.title, v.description, coalesce(v.published_at, w.published_at, now()) as published_at`;

export interface FeatureRow {
  video_id: string;
  channel_id: string;
  creator_id: string;
  category: string | null;
  language: string | null;
  tags: string[] | null;
  series_id: string | null;
  duration_seconds: number | string | null;
  title: string;
  description: string;
  published_at: Date | string;
}

export function toFeatures(row: FeatureRow) {
  return {
    videoId: row.video_id,
    creatorId: row.creator_id,
    category: row.category,
    language: row.language,
    tags: row.tags ?? [],
    seriesId: row.series_id,
    durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
    title: row.title,
    description: row.description,
    publishedAt: new Date(row.published_at),
  };
}

/** A uuid[] literal: `= any(?::uuid[])` lets the planner use the primary key for each id. */
const ids = (values: string[]) => `{${values.join(',')}}`;

function filterSql(filter: CandidateFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.category) {
    parts.push('v.category = ?');
    params.push(filter.category);
  }
  if (filter.creatorId) {
    parts.push('v.creator_id = ?');
    params.push(filter.creatorId);
  }
  return { sql: parts.map((part) => ` and ${part}`).join(''), params };
}

@Injectable()
export class SqlRecommendationsReadModel extends RecommendationReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async personSignals(personId: string, limit: number): Promise<PersonSignals> {
    const [signals, follows, hidden] = await Promise.all([
      this.em.execute<Array<{ video_id: string; kind: SignalKind; value: number; occurred_at: Date | string }>>(
        `select video_id, kind, value, occurred_at from engagement.rec_signals
          where person_id = ? order by occurred_at desc limit ?`,
        [personId, limit],
      ),
      this.em.execute<Array<{ followee_id: string }>>(
        `select followee_id from engagement.follows where follower_id = ? and ended_at is null`,
        [personId],
      ),
      // Whom the person blocks or mutes, and who blocks them.
      this.em.execute<Array<{ user_id: string }>>(
        `select target_id as user_id from engagement.restrictions where owner_id = ?
         union select owner_id from engagement.restrictions where target_id = ? and kind = 'block'`,
        [personId, personId],
      ),
    ]);
    return {
      signals: signals.map((row): InteractionSignal => ({
        personId,
        videoId: row.video_id,
        kind: row.kind,
        value: Number(row.value),
        at: new Date(row.occurred_at),
      })),
      followedCreators: follows.map((row) => row.followee_id),
      hiddenCreators: hidden.map((row) => row.user_id),
    };
  }

  async neighbours(videoIds: string[]) {
    const coWatch = new Map<string, Neighbor[]>();
    const content = new Map<string, Neighbor[]>();
    if (!videoIds.length) return { coWatch, content };
    const rows = await this.em.execute<Array<{ video_id: string; kind: string; neighbours: Neighbor[] }>>(
      `select video_id, kind, neighbours from engagement.rec_neighbours where video_id = any(?::uuid[])`,
      [ids(videoIds)],
    );
    for (const row of rows) (row.kind === 'co_watch' ? coWatch : content).set(row.video_id, row.neighbours);
    return { coWatch, content };
  }

  async videos(videoIds: string[]): Promise<Map<string, RecommendableVideo>> {
    const found = new Map<string, RecommendableVideo>();
    if (!videoIds.length) return found;
    const rows = await this.em.execute<Array<FeatureRow & { access_level: string | null; early_until: Date | null }>>(
      `select ${FEATURE_COLUMNS}, w.access_level,
              case when w.early_access_days is not null
                    and w.published_at + make_interval(days => w.early_access_days) > now()
                   then w.published_at + make_interval(days => w.early_access_days) end as early_until
         from engagement.trend_videos v
         left join engagement.watchable_videos w on w.video_id = v.video_id
        where v.video_id = any(?::uuid[]) and ${ELIGIBLE}`,
      [ids(videoIds)],
    );
    for (const row of rows)
      found.set(row.video_id, {
        ...toFeatures(row),
        channelId: row.channel_id,
        accessLevel: row.access_level ?? 'free',
        earlyAccessUntil: row.early_until ? new Date(row.early_until) : null,
      });
    return found;
  }

  async popular(limit: number, filter: CandidateFilter): Promise<Array<{ videoId: string; score: number }>> {
    const where = filterSql(filter);
    const rows = await this.em.execute<Array<{ video_id: string; score: number }>>(
      `select v.video_id, coalesce(t.score, 0) + ln(1 + coalesce(s.people, 0)) as score
         from engagement.trend_videos v
         left join engagement.trending_scores t
           on t.kind = 'video' and t.time_window = '7d' and t.language = '' and t.category = '' and t.subject = v.video_id::text
         left join engagement.rec_video_stats s on s.video_id = v.video_id
        where ${ELIGIBLE}${where.sql}
        order by score desc, v.published_at desc nulls last
        limit ?`,
      [...where.params, limit],
    );
    return rows.map((row) => ({ videoId: row.video_id, score: Number(row.score) }));
  }

  async newest(limit: number, filter: CandidateFilter): Promise<string[]> {
    const where = filterSql(filter);
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `select v.video_id from engagement.trend_videos v
        where ${ELIGIBLE}${where.sql} order by v.published_at desc nulls last limit ?`,
      [...where.params, limit],
    );
    return rows.map((row) => row.video_id);
  }

  async trending(limit: number, filter: CandidateFilter): Promise<string[]> {
    const where = filterSql(filter);
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `select v.video_id from engagement.trending_scores t
         join engagement.trend_videos v on v.video_id = t.subject::uuid
        where t.kind = 'video' and t.time_window = '24h' and t.language = '' and t.category = ''
          and ${ELIGIBLE}${where.sql}
        order by t.rank limit ?`,
      [...where.params, limit],
    );
    return rows.map((row) => row.video_id);
  }

  async fromFollowed(personId: string, limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `select v.video_id from engagement.follows f
         join engagement.trend_videos v on v.creator_id = f.followee_id
        where f.follower_id = ? and f.ended_at is null and ${ELIGIBLE}
        order by v.published_at desc nulls last limit ?`,
      [personId, limit],
    );
    return rows.map((row) => row.video_id);
  }
}
