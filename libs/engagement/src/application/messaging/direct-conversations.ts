import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { Conversation, Membership, pairKeyOf } from '../../domain/conversation/conversation.js';
import { DirectConversationExistsError } from '../../domain/conversation/conversation.errors.js';
import { ConversationRepository } from '../../domain/conversation/conversation.repository.js';
import { BlockedError } from '../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../domain/restriction/restriction.repository.js';
import { People } from '../people.js';
import { MessagingPolicy } from './messaging-policy.js';

/**
 * One conversation per pair, whoever writes first: found by its sorted pair key, created on first
 * contact. Two people writing to each other at the same moment meet in the same conversation.
 */
@Injectable()
export class DirectConversations {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly people: People,
    private readonly policy: MessagingPolicy,
    private readonly restrictions: RestrictionRepository,
  ) {}

  async open(userId: string, recipientId: string): Promise<{ conversation: Conversation; created: boolean }> {
    const pairKey = pairKeyOf(userId, recipientId);
    const existing = await this.conversations.findDirect(pairKey);
    if (existing) {
      if (await this.restrictions.eitherBlocks(userId, recipientId)) throw new BlockedError();
      return { conversation: existing, created: false };
    }
    await this.people.require(recipientId);
    const arrival = await this.policy.arrivalFor(recipientId, userId);
    try {
      const conversation = await this.unitOfWork.transactional(async () => {
        const created = Conversation.direct(userId, recipientId);
        await this.conversations.create(created, [
          new Membership(created.id, userId, 'member', 'active'),
          new Membership(created.id, recipientId, 'member', arrival),
        ]);
        return created;
      });
      return { conversation, created: true };
    } catch (error) {
      if (!(error instanceof DirectConversationExistsError)) throw error;
      // The other person opened it a moment earlier.
      const opened = await this.conversations.findDirect(pairKey, { fresh: true });
      if (!opened) throw error;
      return { conversation: opened, created: false };
    }
  }
}
