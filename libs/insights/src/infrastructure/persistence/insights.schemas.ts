import { EntitySchema } from '@mikro-orm/postgresql';
import { Export } from '../../domain/export.js';
import { Experiment } from '../../domain/experiments/experiment.js';
import { ViewCountBatch } from '../../domain/view-count-batch.js';

const schema = 'insights';

export const ExportSchema = new EntitySchema<Export>({
  class: Export as unknown as new () => Export,
  schema,
  tableName: 'exports',
  indexes: [{ name: 'exports_user_idx', properties: ['userId', 'createdAt'] }],
  checks: [
    { name: 'exports_format_check', expression: "format in ('csv', 'pdf')" },
    { name: 'exports_status_check', expression: "status in ('pending', 'ready', 'failed')" },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    channelId: { type: 'uuid' },
    report: { type: 'text' },
    format: { type: 'text' },
    rangeFrom: { type: 'datetime' },
    rangeTo: { type: 'datetime' },
    tz: { type: 'text' },
    status: { type: 'text', default: 'pending' },
    filePath: { type: 'text', nullable: true },
    bytes: { type: 'integer', nullable: true },
    error: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    completedAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  },
});

export const ViewCountBatchSchema = new EntitySchema<ViewCountBatch>({
  class: ViewCountBatch as unknown as new () => ViewCountBatch,
  schema,
  tableName: 'view_count_batches',
  properties: {
    id: { type: 'uuid', primary: true },
    countedAt: { type: 'datetime' },
    counts: { type: 'json' },
    version: { type: 'integer', version: true },
  },
});

export const ExperimentSchema = new EntitySchema<Experiment>({
  class: Experiment as unknown as new () => Experiment,
  schema,
  tableName: 'experiments',
  indexes: [
    {
      name: 'experiments_running_surface_key',
      expression:
        "create unique index experiments_running_surface_key on insights.experiments (surface) where status = 'running'",
    },
  ],
  checks: [{ name: 'experiments_status_check', expression: "status in ('draft', 'running', 'stopped')" }],
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    surface: { type: 'text' },
    status: { type: 'text', default: 'draft' },
    arms: { type: 'json' },
    design: { type: 'json' },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    startedAt: { type: 'datetime', nullable: true },
    stoppedAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  },
});

export const INSIGHTS_ENTITIES = [ExportSchema, ViewCountBatchSchema, ExperimentSchema];

/** Tables reached with SQL only (the raw log, rollups, facts from other contexts). */
export const INSIGHTS_SQL_ONLY_TABLES = [
  'insights.event_ids',
  'insights.events',
  'insights.dirty_hours',
  'insights.rollup_builds',
  'insights.rollups',
  'insights.rollup_breakdowns',
  'insights.hourly_viewers',
  'insights.daily_active_users',
  'insights.users',
  'insights.subscriptions',
  'insights.mrr_movements',
  'insights.revenue_entries',
  'insights.videos',
  'insights.channels',
  'insights.weekly_reports',
  'insights.export_chunks',
  'insights.recommendation_impressions',
  'insights.recommendation_impression_videos',
  'insights.recommendation_conversions',
];
