import { EntitySchema } from '@mikro-orm/postgresql';
import { Collection, ContentTemplate, Series } from '../../domain/library/library.js';
import { Video } from '../../domain/video/video.js';

const schema = 'studio';

export const VideoSchema = new EntitySchema<Video>({
  class: Video as unknown as new () => Video,
  schema,
  tableName: 'videos',
  indexes: [
    { name: 'videos_channel_idx', properties: ['channelId', 'createdAt'] },
    { name: 'videos_due_idx', properties: ['state', 'scheduledAt'] },
    {
      name: 'videos_asset_idx',
      expression: 'create index videos_asset_idx on studio.videos (asset_id) where asset_id is not null',
    },
  ],
  uniques: [{ name: 'videos_episode_key', properties: ['seriesId', 'season', 'episode'] }],
  checks: [
    {
      name: 'videos_state_check',
      expression: "state in ('draft', 'processing', 'ready', 'scheduled', 'published', 'unpublished', 'failed')",
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    channelId: { type: 'uuid' },
    createdBy: { type: 'uuid' },
    title: { type: 'text' },
    description: { type: 'text' },
    tags: { type: 'text[]' },
    category: { type: 'text', nullable: true },
    language: { type: 'text', nullable: true },
    accessLevel: { type: 'text' },
    earlyAccessDays: { type: 'integer', nullable: true },
    seriesId: { type: 'uuid', nullable: true },
    season: { type: 'integer', nullable: true },
    episode: { type: 'integer', nullable: true },
    collectionIds: { type: 'uuid[]' },
    captions: { type: 'json' },
    state: { type: 'text' },
    assetId: { type: 'text', nullable: true },
    processingStep: { type: 'text', nullable: true },
    processingPercent: { type: 'integer' },
    failure: { type: 'json', nullable: true },
    durationSeconds: { type: 'double', nullable: true },
    scheduledAt: { type: 'datetime', nullable: true },
    scheduleTimeZone: { type: 'text', nullable: true },
    publishedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  } as never, // `isEpisode` is computed, not a column
});

export const SeriesSchema = new EntitySchema<Series>({
  class: Series as unknown as new () => Series,
  schema,
  tableName: 'series',
  indexes: [{ name: 'series_channel_idx', properties: ['channelId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelId: { type: 'uuid' },
    title: { type: 'text' },
    description: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});

export const CollectionSchema = new EntitySchema<Collection>({
  class: Collection as unknown as new () => Collection,
  schema,
  tableName: 'collections',
  uniques: [{ name: 'collections_name_key', properties: ['channelId', 'name'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelId: { type: 'uuid' },
    name: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});

export const ContentTemplateSchema = new EntitySchema<ContentTemplate>({
  class: ContentTemplate as unknown as new () => ContentTemplate,
  schema,
  tableName: 'templates',
  indexes: [{ name: 'templates_channel_idx', properties: ['channelId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    channelId: { type: 'uuid' },
    name: { type: 'text' },
    defaults: { type: 'json' },
    createdAt: { type: 'datetime' },
  },
});
