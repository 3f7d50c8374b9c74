import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserFollowedV1, UserUnfollowedV1 } from '@lib/engagement/contracts';
import { EmailVerifiedV1, UserRegisteredV1 } from '@lib/identity/contracts';
import { ModerationDecidedV1 } from '../../contracts/index.js';
import { AccountTrustRepository } from '../../domain/trust-scores/trust-score.js';
import { TrustScores } from './trust-scores.js';

type TrustEvent = UserRegisteredV1 | EmailVerifiedV1 | UserFollowedV1 | UserUnfollowedV1 | ModerationDecidedV1;

/**
 * Every fact a trust score reads arrives as an event: a new account, a verified e-mail, a follow or
 * unfollow (the followee's established followers), a moderation decision (the subject's violations,
 * the reporters' accuracy). Each recomputes the accounts it concerns, in the delivery's transaction.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'trust-safety.recompute-trust',
  on: [UserRegisteredV1, EmailVerifiedV1, UserFollowedV1, UserUnfollowedV1, ModerationDecidedV1],
})
export class RecomputeTrustOnEvents implements EventConsumer<TrustEvent> {
  constructor(
    private readonly records: AccountTrustRepository,
    private readonly scores: TrustScores,
  ) {}

  async handle({ event }: ConsumerContext<TrustEvent>): Promise<void> {
    for (const userId of await this.note(event)) await this.scores.recompute(userId);
  }

  /** Records the event's fact and answers whose score it moves. */
  private async note(event: TrustEvent): Promise<string[]> {
    if (event instanceof UserRegisteredV1) return [event.userId];
    if (event instanceof EmailVerifiedV1) {
      await this.records.noteEmailVerified(event.userId, new Date(event.verifiedAt));
      return [event.userId];
    }
    if (event instanceof UserFollowedV1) {
      await this.records.noteFollow(event.followerId, event.followeeId, new Date(event.followedAt));
      return [event.followeeId];
    }
    if (event instanceof UserUnfollowedV1) {
      await this.records.noteUnfollow(event.followerId, event.followeeId);
      return [event.followeeId];
    }
    // Accuracy moves only when a report is judged: reporters of a decision, and its subject's violations.
    const decided = event;
    return [...new Set([...(decided.subjectUserId ? [decided.subjectUserId] : []), ...decided.reporterIds])];
  }
}
