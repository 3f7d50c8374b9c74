import { Injectable, Optional } from '@nestjs/common';
import { AccountStandings } from '@lib/trust-safety/contracts';
import type { MemberStatus } from '../../domain/conversation/conversation.js';
import { FollowRepository } from '../../domain/follow/follow.repository.js';
import { NotAllowedToMessageError, RecipientDoesNotFollowError } from '../../domain/message/message.errors.js';
import {
  DEFAULT_DIRECT_MESSAGE_POLICY,
  MessagingSettings,
} from '../../domain/messaging-settings/messaging-settings.js';
import { MessagingSettingsRepository } from '../../domain/messaging-settings/messaging-settings.repository.js';
import { BlockedError } from '../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../domain/restriction/restriction.repository.js';

/**
 * Whether `senderId` may bring `recipientId` into a conversation, and where it lands for them:
 * the inbox when the recipient follows the sender (or takes messages from everyone), requests
 * otherwise; refused when either blocks the other, the recipient only hears from people they follow, or
 * the sender's trust level may not message people who do not follow it.
 */
@Injectable()
export class MessagingPolicy {
  constructor(
    private readonly settings: MessagingSettingsRepository,
    private readonly follows: FollowRepository,
    private readonly restrictions: RestrictionRepository,
    @Optional() private readonly standings?: AccountStandings,
  ) {}

  async arrivalFor(recipientId: string, senderId: string): Promise<Extract<MemberStatus, 'active' | 'request'>> {
    if (await this.restrictions.eitherBlocks(recipientId, senderId)) throw new BlockedError();
    if ((await this.follows.between(recipientId, senderId))?.active) return 'active';
    // Trust level gate: a new, unverified account reaches only its followers.
    if (this.standings && !(await this.standings.standingOf(senderId)).limits.mayMessageNonFollowers)
      throw new RecipientDoesNotFollowError();
    const policy = (await this.settingsOf(recipientId)).directMessages;
    if (policy === 'everyone') return 'active';
    if (policy === 'requests') return 'request';
    throw new NotAllowedToMessageError('This person only takes messages from people they follow');
  }

  async settingsOf(userId: string): Promise<MessagingSettings> {
    return (await this.settings.find(userId)) ?? new MessagingSettings(userId, DEFAULT_DIRECT_MESSAGE_POLICY);
  }
}
