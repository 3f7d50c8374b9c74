import type { Message, MessageEdit } from '../../domain/message/message.js';

/** A conversation as its member sees it in a list or on its page. */
export interface ConversationSummary {
  id: string;
  kind: string;
  title: string | null;
  createdBy: string;
  lastSeq: number;
  lastActivityAt: string;
  me: { role: string; status: string; readSeq: number };
  unread: number;
  lastMessage: {
    id: string;
    seq: number;
    senderId: string | null;
    text: string | null;
    createdAt: string;
    deleted: boolean;
  } | null;
  members: {
    userId: string;
    handle: string | null;
    displayName: string | null;
    avatarUrl: string | null;
    role: string;
    status: string;
  }[];
}

/** Views of conversations and their messages, for their members. */
export abstract class ConversationsReadModel {
  /** The inbox (`active`) or the requests of a user, latest activity first, after the keyset position. */
  abstract page(
    userId: string,
    status: 'active' | 'request',
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<ConversationSummary[]>;
  abstract one(userId: string, conversationId: string): Promise<ConversationSummary | undefined>;
  /** Unread messages over the inbox, and how many message requests wait. */
  abstract unreadTotals(userId: string): Promise<{ unread: number; requests: number }>;
  /** Messages from others past the read mark, not deleted: what a badge counts. */
  abstract unreadIn(conversationId: string, userId: string, readSeq: number): Promise<number>;
  /** Messages created or changed after a revision, oldest change first; held ones only for their sender. */
  abstract changedAfter(conversationId: string, viewerId: string, revision: number, limit: number): Promise<Message[]>;
  /** The latest messages (before a sequence, if given), newest first; held ones only for their sender. */
  abstract latest(conversationId: string, viewerId: string, limit: number, beforeSeq?: number): Promise<Message[]>;
  abstract editsOf(messageId: string): Promise<MessageEdit[]>;
}
