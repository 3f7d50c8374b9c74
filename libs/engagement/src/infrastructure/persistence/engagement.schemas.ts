import { EntitySchema } from '@mikro-orm/postgresql';
import { Conversation, Membership } from '../../domain/conversation/conversation.js';
import { Follow } from '../../domain/follow/follow.js';
import { Message, MessageEdit } from '../../domain/message/message.js';
import { MessagingSettings } from '../../domain/messaging-settings/messaging-settings.js';
import { Notification, NotificationPreference } from '../../domain/notification/notification.js';
import { Person } from '../../domain/person/person.js';
import { Restriction } from '../../domain/restriction/restriction.js';

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
    {
      name: 'follows_active_followers_idx',
      expression:
        'create index follows_active_followers_idx on engagement.follows (followee_id, follower_id) where ended_at is null',
    },
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

export const ConversationSchema = new EntitySchema<Conversation>({
  class: Conversation as unknown as new () => Conversation,
  schema,
  tableName: 'conversations',
  uniques: [{ name: 'conversations_pair_key', properties: ['pairKey'] }],
  checks: [{ name: 'conversations_kind_check', expression: "kind in ('direct', 'group')" }],
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'text' },
    title: { type: 'text', nullable: true },
    pairKey: { type: 'text', nullable: true },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    lastSeq: { type: 'integer' },
    lastActivityAt: { type: 'datetime' },
  } as never, // getters are computed, not columns
});

export const MembershipSchema = new EntitySchema<Membership>({
  class: Membership as unknown as new () => Membership,
  schema,
  tableName: 'conversation_members',
  indexes: [{ name: 'conversation_members_user_idx', properties: ['userId', 'status'] }],
  checks: [
    { name: 'conversation_members_role_check', expression: "role in ('member', 'admin')" },
    {
      name: 'conversation_members_status_check',
      expression: "status in ('active', 'request', 'declined', 'left', 'removed')",
    },
  ],
  properties: {
    conversationId: { type: 'uuid', primary: true },
    userId: { type: 'uuid', primary: true },
    role: { type: 'text' },
    status: { type: 'text' },
    joinedAt: { type: 'datetime' },
    leftAt: { type: 'datetime', nullable: true },
    readSeq: { type: 'integer' },
  } as never, // getters are computed, not columns
});

/** A removed message's text lives only in `removed_body`: the columns readers show are a tombstone's. */
export const REMOVED_MESSAGE_CHECK =
  '(removed_at is null and removed_body is null) or (removed_body is not null and body is null and deleted_at is not null)';

export const MessageSchema = new EntitySchema<Message>({
  class: Message as unknown as new () => Message,
  schema,
  tableName: 'messages',
  uniques: [
    { name: 'messages_seq_key', properties: ['conversationId', 'seq'] },
    { name: 'messages_client_id_key', properties: ['senderId', 'clientMessageId'] },
  ],
  indexes: [{ name: 'messages_revision_idx', properties: ['conversationId', 'revision'] }],
  checks: [{ name: 'messages_removed_check', expression: REMOVED_MESSAGE_CHECK }],
  properties: {
    id: { type: 'uuid', primary: true },
    conversationId: { type: 'uuid' },
    seq: { type: 'integer' },
    revision: { type: 'integer' },
    senderId: { type: 'uuid' },
    clientMessageId: { type: 'text' },
    body: { type: 'text', nullable: true },
    replyToId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
    editedAt: { type: 'datetime', nullable: true },
    deletedAt: { type: 'datetime', nullable: true },
    heldAt: { type: 'datetime', nullable: true },
    removedAt: { type: 'datetime', nullable: true },
    removedBody: { type: 'text', nullable: true },
    version: { type: 'integer', version: true },
  } as never, // the base class's event list, `isHeld` and `isRemovedByModerator` are not columns
});

export const MessageEditSchema = new EntitySchema<MessageEdit>({
  class: MessageEdit as unknown as new () => MessageEdit,
  schema,
  tableName: 'message_edits',
  indexes: [{ name: 'message_edits_message_idx', properties: ['messageId', 'editedAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    messageId: { type: 'uuid' },
    previousBody: { type: 'text' },
    editedAt: { type: 'datetime' },
  },
});

export const MessagingSettingsSchema = new EntitySchema<MessagingSettings>({
  class: MessagingSettings as unknown as new () => MessagingSettings,
  schema,
  tableName: 'messaging_settings',
  checks: [
    {
      name: 'messaging_settings_direct_messages_check',
      expression: "direct_messages in ('everyone', 'requests', 'followed')",
    },
  ],
  properties: {
    userId: { type: 'uuid', primary: true },
    directMessages: { type: 'text' },
  },
});

export const ENGAGEMENT_ENTITIES = [
  PersonSchema,
  FollowSchema,
  RestrictionSchema,
  NotificationSchema,
  NotificationPreferenceSchema,
  ConversationSchema,
  MembershipSchema,
  MessageSchema,
  MessageEditSchema,
  MessagingSettingsSchema,
];
