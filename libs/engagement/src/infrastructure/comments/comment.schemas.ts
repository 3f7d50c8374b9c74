import { EntitySchema } from '@mikro-orm/postgresql';
import { Comment } from '../../domain/comments/comment.js';

/** The comment aggregate's mapping (its events reach the outbox on flush); the other comment tables are SQL-only. */
export const CommentSchema = new EntitySchema<Comment>({
  class: Comment as unknown as new () => Comment,
  schema: 'engagement',
  tableName: 'comments',
  indexes: [
    { name: 'comments_video_idx', properties: ['videoId', 'threadId', 'createdAt'] },
    { name: 'comments_thread_idx', properties: ['threadId', 'createdAt'] },
    { name: 'comments_author_channel_idx', properties: ['authorId', 'channelId'] },
  ],
  checks: [
    { name: 'comments_status_check', expression: "status in ('visible', 'held', 'hidden', 'removed')" },
    { name: 'comments_held_for_check', expression: "held_for in ('screening', 'approval')" },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    videoId: { type: 'uuid' },
    channelId: { type: 'uuid' },
    authorId: { type: 'uuid' },
    threadId: { type: 'uuid', nullable: true },
    inReplyToId: { type: 'uuid', nullable: true },
    inReplyToAuthorId: { type: 'uuid', nullable: true },
    body: { type: 'text', nullable: true },
    status: { type: 'text' },
    heldFor: { type: 'text', nullable: true },
    mentionedUserIds: { type: 'uuid[]' },
    hashtags: { type: 'text[]' },
    replyCount: { type: 'integer', default: 0 },
    likeCount: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    editedAt: { type: 'datetime', nullable: true },
    deletedAt: { type: 'datetime', nullable: true },
    announcedAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  } as never, // getters (counts, isReply, isDeleted) are computed, not columns
});

export const COMMENT_ENTITIES = [CommentSchema];

export const COMMENT_SQL_ONLY_TABLES = [
  'engagement.comment_edits',
  'engagement.comment_hashtags',
  'engagement.comment_videos',
  'engagement.video_comment_settings',
  'engagement.channel_comment_settings',
];

/** A PostgreSQL array literal of texts, each quoted (a tag named `null` stays a text). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
