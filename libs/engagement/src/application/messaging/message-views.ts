import type { Conversation, Membership } from '../../domain/conversation/conversation.js';
import type { Message } from '../../domain/message/message.js';

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  /** The conversation sequence of the latest change; catch-up (`after=`) returns changes past it. */
  revision: number;
  senderId: string;
  clientMessageId: string;
  /** Null once deleted (the tombstone keeps its place). */
  text: string | null;
  replyToId: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Held for review by trust & safety: only its sender sees it (and only its sender gets this view). */
  held: boolean;
}

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: Number(message.seq),
    revision: Number(message.revision),
    senderId: message.senderId,
    clientMessageId: message.clientMessageId,
    text: message.body,
    replyToId: message.replyToId,
    createdAt: message.createdAt.toISOString(),
    editedAt: message.editedAt?.toISOString() ?? null,
    deletedAt: message.deletedAt?.toISOString() ?? null,
    held: message.heldAt !== null,
  };
}

export interface MemberView {
  userId: string;
  role: string;
  status: string;
}

/** What a member change pushes: enough to update a conversation list; details come from REST. */
export interface ConversationChangeView {
  conversationId: string;
  kind: string;
  title: string | null;
  lastSeq: number;
  members: MemberView[];
}

export function toConversationChange(conversation: Conversation, members: Membership[]): ConversationChangeView {
  return {
    conversationId: conversation.id,
    kind: conversation.kind,
    title: conversation.title,
    lastSeq: Number(conversation.lastSeq),
    members: members.filter((m) => m.isPresent).map((m) => ({ userId: m.userId, role: m.role, status: m.status })),
  };
}
