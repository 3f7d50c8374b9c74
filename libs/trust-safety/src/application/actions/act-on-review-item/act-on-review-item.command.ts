import { Command } from '@nestjs/cqrs';
import type { ModerationAction } from '../../../domain/actions/moderation-decision.js';
import type { DecisionView } from '../decision-views.js';

export class ActOnReviewItemCommand extends Command<DecisionView> {
  constructor(
    readonly itemId: string,
    readonly moderatorId: string,
    readonly action: ModerationAction,
    readonly reason: string,
    readonly rule: string | null,
    /** Timeouts only: how long the account is muted. */
    readonly hours: number | null,
  ) {
    super();
  }
}
