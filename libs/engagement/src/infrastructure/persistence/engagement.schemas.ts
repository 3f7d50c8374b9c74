import { EntitySchema } from '@mikro-orm/postgresql';
import { Notification, NotificationPreference } from '../../domain/notification/notification.js';
import { Follow } from '../../domain/social-graph/follow.js';
import { Person, Restriction } from '../../domain/social-graph/restriction.js';

/** Mappings of the engagement schema; the domain classes carry no ORM decorators. */
const schema = 'engagement';

export const PersonSchema = new EntitySchema<Person>({
  class: Person,
  schema,
  tableName: 'people',
  properties: {
    userId: { type: 'uuid', primary: true },
    handle: { type: 'text' },
    displayName: { type: 'text' },
    avatarUrl: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
  },
});

export const FollowSchema = new EntitySchema<Follow>({
  class: Follow as unknown as new () => Follow,
  schema,
  tableName: 'follows',
  uniques: [{ name: 'follows_pair_key', properties: ['followerId', 'followeeId'] }],
  indexes: [
    { name: 'follows_followee_idx', properties: ['followeeId', 'followedAt'] },
    { name: 'follows_follower_idx', properties: ['followerId', 'followedAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    followerId: { type: 'uuid' },
    followeeId: { type: 'uuid' },
    followedAt: { type: 'datetime' },
    endedAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  } as never, // `active` is computed, not a column
});

export const RestrictionSchema = new EntitySchema<Restriction>({
  class: Restriction as unknown as new () => Restriction,
  schema,
  tableName: 'restrictions',
  indexes: [{ name: 'restrictions_target_idx', properties: ['targetId', 'kind'] }],
  checks: [{ name: 'restrictions_kind_check', expression: "kind in ('block', 'mute')" }],
  properties: {
    ownerId: { type: 'uuid', primary: true },
    targetId: { type: 'uuid', primary: true },
    kind: { type: 'text', primary: true },
    createdAt: { type: 'datetime' },
  },
});

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification as unknown as new () => Notification,
  schema,
  tableName: 'notifications',
  indexes: [
    { name: 'notifications_user_idx', properties: ['userId', 'updatedAt'] },
    { name: 'notifications_unread_group_idx', properties: ['userId', 'groupKey'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    type: { type: 'text' },
    count: { type: 'integer' },
    actorIds: { type: 'uuid[]' },
    subjectId: { type: 'text', nullable: true },
    data: { type: 'json' },
    groupKey: { type: 'text', nullable: true },
    readAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

export const NotificationPreferenceSchema = new EntitySchema<NotificationPreference>({
  class: NotificationPreference as unknown as new () => NotificationPreference,
  schema,
  tableName: 'notification_preferences',
  properties: {
    userId: { type: 'uuid', primary: true },
    type: { type: 'text', primary: true },
    inApp: { type: 'boolean' },
    email: { type: 'boolean' },
  },
});

export const ENGAGEMENT_ENTITIES = [PersonSchema, FollowSchema, RestrictionSchema, NotificationSchema, NotificationPreferenceSchema];
