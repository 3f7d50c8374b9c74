import { Injectable } from '@nestjs/common';
import type { Conversation, Membership } from '../../domain/conversation/conversation.js';
import { ConversationNotFoundError } from '../../domain/conversation/conversation.errors.js';
import { ConversationRepository } from '../../domain/conversation/conversation.repository.js';
import { NotAllowedToMessageError } from '../../domain/message/message.errors.js';

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
  constructor(private readonly conversations: ConversationRepository) {}

  async load(
    conversationId: string,
    userId: string,
    options: { lock?: boolean; write?: boolean } = {},
  ): Promise<LoadedConversation> {
    const conversation = await this.conversations.find(conversationId, { lock: options.lock });
    if (!conversation) throw new ConversationNotFoundError(conversationId);
    const members = await this.conversations.membersOf(conversationId, { fresh: options.lock });
    return ConversationMembers.asMember(userId, conversation, members, options);
  }

  /** A loaded conversation as `userId` sees it: the same not-found as `load` for anyone who may not read it. */
  static asMember(
    userId: string,
    conversation: Conversation,
    members: Membership[],
    options: { write?: boolean } = {},
  ): LoadedConversation {
    const me = members.find((m) => m.userId === userId);
    if (!me) throw new ConversationNotFoundError(conversation.id);
    if (options.write && !me.canRead)
      throw new NotAllowedToMessageError('You are no longer a member of this conversation');
    if (!me.canRead) throw new ConversationNotFoundError(conversation.id);
    return { conversation, members, me };
  }

  /** Who hears about a change: everyone taking part (a pending request included, a declined one not). */
  static audience(members: Membership[]): string[] {
    return members.filter((m) => m.isPresent).map((m) => m.userId);
  }
}
