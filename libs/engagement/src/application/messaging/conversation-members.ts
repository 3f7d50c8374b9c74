import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Conversation, Membership } from '../../domain/messaging/conversation.js';
import { ConversationNotFoundError, NotAllowedToMessageError } from '../../domain/messaging/messaging-errors.js';

export interface LoadedConversation {
  conversation: Conversation;
  members: Membership[];
  me: Membership;
}

/**
 * Loads a conversation for one of its members. Anyone else — a stranger, an unknown id — gets the
 * same not-found, so ids leak nothing. Writers lock the conversation row: every change to a
 * conversation (and its sequence) happens one after another.
 */
@Injectable()
export class ConversationMembers {
  constructor(private readonly em: EntityManager) {}

  async load(conversationId: string, userId: string, options: { lock?: boolean; write?: boolean } = {}): Promise<LoadedConversation> {
    const conversation = await this.em.findOne(
      Conversation,
      { id: conversationId },
      options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
    if (!conversation) throw new ConversationNotFoundError(conversationId);
    const members = await this.em.find(Membership, { conversationId }, options.lock ? { refresh: true } : {});
    const me = members.find((m) => m.userId === userId);
    if (!me) throw new ConversationNotFoundError(conversationId);
    if (options.write && !me.canRead) throw new NotAllowedToMessageError('You are no longer a member of this conversation');
    if (!me.canRead) throw new ConversationNotFoundError(conversationId);
    return { conversation, members, me };
  }

  /** Who hears about a change: everyone taking part (a pending request included, a declined one not). */
  static audience(members: Membership[]): string[] {
    return members.filter((m) => m.isPresent).map((m) => m.userId);
  }
}
