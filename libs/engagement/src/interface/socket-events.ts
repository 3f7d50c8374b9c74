import { SocketSchema as S, type SocketEventDocs } from '@lib/platform';
import {
  COMMENT_CREATED,
  COMMENT_DELETED,
  COMMENT_UPDATED,
  FEED_ITEM,
  CONVERSATION_READ,
  CONVERSATION_UPDATED,
  MESSAGE_DELETED,
  MESSAGE_HIDDEN,
  MESSAGE_NEW,
  MESSAGE_UPDATED,
  NOTIFICATION_NEW,
  NOTIFICATION_READ,
  TYPING,
} from '../application/realtime-events.js';
import { CommentResponse, WatchVideoComments } from './comments/comments.dto.js';
import {
  ConversationChangeResponse,
  MessageResponse,
  SocketChangeMessage,
  SocketMarkRead,
  SocketSendMessage,
  SocketTyping,
} from './http/conversations.dto.js';
import { ProgressResponse, SocketProgressReport } from './http/interactions.dto.js';
import { NOTIFICATION_SCHEMA } from './http/notifications.dto.js';

const readReceipt = S.objectSchema({ conversationId: S.UUID, userId: S.UUID, upToSeq: S.INTEGER, unread: S.INTEGER });
const withMessage = S.objectSchema({ message: S.schemaRef(MessageResponse) });

/** Engagement's half of the AsyncAPI document (`/docs-asyncapi.json`). */
export const ENGAGEMENT_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    { event: MESSAGE_NEW, summary: 'A new message in one of your conversations', payload: MessageResponse },
    {
      event: MESSAGE_UPDATED,
      summary: 'A message was edited (or its moderation status changed)',
      payload: MessageResponse,
    },
    { event: MESSAGE_DELETED, summary: 'A message was deleted (a tombstone: no text)', payload: MessageResponse },
    {
      event: MESSAGE_HIDDEN,
      summary: 'A message you had is held by moderation: hide it until it comes back as message:new',
      payload: S.objectSchema({ id: S.UUID, conversationId: S.UUID, seq: S.INTEGER, revision: S.INTEGER }),
    },
    {
      event: CONVERSATION_UPDATED,
      summary: 'A conversation changed: members, title, roles, a request accepted',
      payload: ConversationChangeResponse,
    },
    { event: CONVERSATION_READ, summary: 'Someone’s read mark moved', payload: readReceipt },
    {
      event: TYPING,
      summary: 'Someone started or stopped typing; a start expires after `ttlMs` without renewal',
      payload: S.objectSchema({ conversationId: S.UUID, userId: S.UUID, typing: S.BOOLEAN, ttlMs: S.INTEGER }, [
        'ttlMs',
      ]),
    },
    {
      event: NOTIFICATION_NEW,
      summary: 'A new (or regrouped) notification: `data` in the shape its `type` names',
      payload: NOTIFICATION_SCHEMA,
    },
    {
      event: NOTIFICATION_READ,
      summary: 'Notifications were read on another device (`notificationId` null: all of them)',
      payload: S.objectSchema({ notificationId: S.nullable(S.UUID), unread: S.INTEGER }),
    },
    { event: COMMENT_CREATED, summary: 'A comment became public on the watched video', payload: CommentResponse },
    {
      event: COMMENT_UPDATED,
      summary: 'A comment on the watched video was edited, pinned or counted',
      payload: CommentResponse,
    },
    {
      event: COMMENT_DELETED,
      summary: 'A comment left the watched video (deleted, held or hidden)',
      payload: CommentResponse,
    },
    {
      event: FEED_ITEM,
      summary: 'A new item in your feed: fetch GET /v1/me/feed to show it',
      payload: S.objectSchema({
        type: { type: 'string', enum: ['video', 'post'] },
        id: S.UUID,
        authorId: S.UUID,
        publishedAt: S.TIMESTAMP,
      }),
    },
  ],
  client: [
    {
      name: 'message:send',
      summary: 'Send a message to a conversation or a person (idempotent per clientMessageId)',
      payload: SocketSendMessage,
      ack: withMessage,
      errors: [
        'engagement.conversation.not-found',
        'engagement.message.invalid',
        'engagement.message.too-long',
        'engagement.message.not-allowed',
        'engagement.restriction.blocked',
        'engagement.message.rate-limited',
        'trust-safety.content.refused',
      ],
    },
    {
      name: 'message:edit',
      summary: 'Edit one of your messages',
      payload: SocketChangeMessage,
      ack: withMessage,
      errors: [
        'engagement.message.not-found',
        'engagement.message.not-author',
        'engagement.message.window-closed',
        'engagement.message.deleted',
        'engagement.message.too-long',
        'trust-safety.content.refused',
      ],
    },
    {
      name: 'message:delete',
      summary: 'Delete one of your messages',
      payload: SocketChangeMessage,
      ack: withMessage,
      errors: ['engagement.message.not-found', 'engagement.message.not-author'],
    },
    {
      name: 'conversation:read',
      summary: 'Move your read mark',
      payload: SocketMarkRead,
      ack: S.objectSchema({ receipt: readReceipt }),
      errors: ['engagement.conversation.not-found'],
    },
    {
      name: 'typing',
      summary: 'Say you started or stopped typing (relayed at most every few seconds)',
      payload: SocketTyping,
      ack: S.objectSchema({ relayed: S.BOOLEAN }),
      errors: ['engagement.conversation.not-found'],
    },
    {
      name: 'progress:report',
      summary: 'A player’s position in a video (as PUT /v1/me/progress/{videoId})',
      payload: SocketProgressReport,
      ack: S.objectSchema({ progress: S.schemaRef(ProgressResponse) }),
      errors: ['engagement.video.not-found', 'engagement.progress.beyond-duration'],
    },
    {
      name: 'comments:watch',
      summary: 'Join a video page’s room to receive its comment pushes',
      payload: WatchVideoComments,
      ack: S.objectSchema({ watching: S.UUID }),
      errors: ['engagement.comment-video.not-found'],
    },
    {
      name: 'comments:unwatch',
      summary: 'Leave a video page’s room',
      payload: WatchVideoComments,
      ack: S.objectSchema({ watching: { type: 'null' } }),
    },
  ],
};
