import { EntitySchema } from '@mikro-orm/postgresql';
import { TrendRecompute } from '../../domain/trending/trend-recompute.js';

/** A recompute run: saving it puts its score-change events in the outbox; the other trending tables are SQL-only. */
export const TrendRecomputeSchema = new EntitySchema<TrendRecompute>({
  class: TrendRecompute as unknown as new () => TrendRecompute,
  schema: 'engagement',
  tableName: 'trend_recomputes',
  properties: {
    id: { type: 'uuid', primary: true },
    computedAt: { type: 'datetime' },
    changedScores: { type: 'integer' },
    version: { type: 'integer', version: true },
  },
});

export const TRENDING_ENTITIES = [TrendRecomputeSchema];

export const TRENDING_SQL_ONLY_TABLES = [
  'engagement.trend_signals',
  'engagement.trend_videos',
  'engagement.trend_sanctioned_accounts',
  'engagement.trending_scores',
  'engagement.trend_published_scores',
];
