import type { Conversation, Membership } from './conversation.js';

export abstract class ConversationRepository {
  /**
   * `lock`: reads the row fresh and locks it until the unit of work ends, so every change to a
   * conversation (and its sequence) happens one after another.
   */
  abstract find(conversationId: string, options?: { lock?: boolean }): Promise<Conversation | null>;
  /** The 1:1 conversation of a pair (see `pairKeyOf`); `fresh` bypasses what this unit of work already read. */
  abstract findDirect(pairKey: string, options?: { fresh?: boolean }): Promise<Conversation | null>;
  /** Every membership (`userIds`: only theirs); `fresh` re-reads rows already loaded. */
  abstract membersOf(conversationId: string, options?: { fresh?: boolean; userIds?: string[] }): Promise<Membership[]>;
  /** Stores a new conversation with its members now; a 1:1 the pair already has fails with DirectConversationExistsError. */
  abstract create(conversation: Conversation, members: Membership[]): Promise<void>;
  /** Saved with the current unit of work. */
  abstract addMember(membership: Membership): void;
  /**
   * Moves the member's read mark up to `upToSeq` (never past the last message, never back) in one
   * conditional update, so two devices can only move it forward; the new mark, or null if unmoved.
   */
  abstract moveReadMark(conversationId: string, userId: string, upToSeq: number): Promise<number | null>;
}
