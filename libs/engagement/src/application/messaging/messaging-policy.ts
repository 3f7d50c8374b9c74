import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MemberStatus } from '../../domain/messaging/conversation.js';
import { MessagingSettings } from '../../domain/messaging/message.js';
import { NotAllowedToMessageError } from '../../domain/messaging/messaging-errors.js';
import { FollowRepository } from '../../domain/social-graph/follow.js';
import { BlockedError, RestrictionRepository } from '../../domain/social-graph/restriction.js';

/** A new user's choice until they change it: strangers land in message requests. */
export const DEFAULT_DIRECT_MESSAGE_POLICY = 'requests' as const;

/**
 * Whether `senderId` may bring `recipientId` into a conversation, and where it lands for them:
 * the inbox when the recipient follows the sender (or takes messages from everyone), requests
 * otherwise; refused when either blocks the other or the recipient only hears from people they follow.
 */
@Injectable()
export class MessagingPolicy {
  constructor(
    private readonly em: EntityManager,
    private readonly follows: FollowRepository,
    private readonly restrictions: RestrictionRepository,
  ) {}

  async arrivalFor(recipientId: string, senderId: string): Promise<Extract<MemberStatus, 'active' | 'request'>> {
    if (await this.restrictions.eitherBlocks(recipientId, senderId)) throw new BlockedError();
    if ((await this.follows.between(recipientId, senderId))?.active) return 'active';
    const policy = (await this.settingsOf(recipientId)).directMessages;
    if (policy === 'everyone') return 'active';
    if (policy === 'requests') return 'request';
    throw new NotAllowedToMessageError('This person only takes messages from people they follow');
  }

  async settingsOf(userId: string): Promise<MessagingSettings> {
    return (await this.em.findOne(MessagingSettings, { userId })) ?? new MessagingSettings(userId, DEFAULT_DIRECT_MESSAGE_POLICY);
  }
}
