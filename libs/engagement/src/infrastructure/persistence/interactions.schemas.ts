import { EntitySchema } from '@mikro-orm/postgresql';
import { LikeTally } from '../../domain/likes/like-tally.js';
import { Playlist } from '../../domain/playlists/playlist.js';
import { RatingTally } from '../../domain/ratings/rating-tally.js';
import { WatchEntry } from '../../domain/watch-progress/watch-entry.js';

/** Mappings of likes, ratings, playlists and watch history (migration ..._engagement_interactions). */
const schema = 'engagement';

export const LikeTallySchema = new EntitySchema<LikeTally>({
  class: LikeTally as unknown as new () => LikeTally,
  schema,
  tableName: 'like_tallies',
  uniques: [{ name: 'like_tallies_target_key', properties: ['targetType', 'targetId'] }],
  checks: [{ name: 'like_tallies_likes_check', expression: 'likes >= 0' }],
  properties: {
    id: { type: 'uuid', primary: true },
    targetType: { type: 'text' },
    targetId: { type: 'uuid' },
    likes: { type: 'integer' },
    version: { type: 'integer', version: true },
  },
});

export const RatingTallySchema = new EntitySchema<RatingTally>({
  class: RatingTally as unknown as new () => RatingTally,
  schema,
  tableName: 'rating_tallies',
  uniques: [{ name: 'rating_tallies_video_key', properties: ['videoId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    videoId: { type: 'uuid' },
    distribution: { type: 'integer[]' },
    version: { type: 'integer', version: true },
  } as never, // average and count are computed, not columns
});

export const WatchEntrySchema = new EntitySchema<WatchEntry>({
  class: WatchEntry as unknown as new () => WatchEntry,
  schema,
  tableName: 'watch_entries',
  uniques: [{ name: 'watch_entries_user_video_key', properties: ['userId', 'videoId'] }],
  indexes: [{ name: 'watch_entries_user_recent_idx', properties: ['userId', 'lastWatchedAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    videoId: { type: 'uuid' },
    positionSeconds: { type: 'double' },
    durationSeconds: { type: 'double', nullable: true },
    completedAt: { type: 'datetime', nullable: true },
    firstWatchedAt: { type: 'datetime' },
    lastWatchedAt: { type: 'datetime' },
    watchedSeconds: { type: 'integer' },
    version: { type: 'integer', version: true },
  } as never, // `completed` is computed, not a column
});

export const PlaylistSchema = new EntitySchema<Playlist>({
  class: Playlist as unknown as new () => Playlist,
  schema,
  tableName: 'playlists',
  indexes: [
    { name: 'playlists_owner_idx', properties: ['ownerId', 'createdAt'] },
    {
      name: 'playlists_watch_later_key',
      expression: `create unique index playlists_watch_later_key on engagement.playlists (owner_id) where kind = 'watch-later'`,
    },
  ],
  checks: [
    { name: 'playlists_kind_check', expression: "kind in ('watch-later', 'custom')" },
    { name: 'playlists_visibility_check', expression: "visibility in ('public', 'private')" },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    kind: { type: 'text' },
    title: { type: 'text' },
    description: { type: 'text' },
    visibility: { type: 'text' },
    items: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

export const INTERACTION_ENTITIES = [LikeTallySchema, RatingTallySchema, WatchEntrySchema, PlaylistSchema];

/** Rows reached with SQL only: one person's like or rating, studio's videos as engagement knows them, history settings. */
export const INTERACTION_SQL_ONLY_TABLES = [
  'engagement.likes',
  'engagement.ratings',
  'engagement.watchable_videos',
  'engagement.watch_history_settings',
];
