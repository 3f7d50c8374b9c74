import { Command } from '@nestjs/cqrs';
import type { ModerationAction } from '../../../domain/actions/moderation-decision.js';
import type { DecisionView } from '../decision-views.js';

/** One item's outcome in a bulk action: its decision, or why it was refused. */
export type BulkActionOutcome =
  | { itemId: string; decision: DecisionView }
  | { itemId: string; error: { status: number; code: string; detail: string } };

export class ActOnReviewItemsCommand extends Command<{ results: BulkActionOutcome[] }> {
  constructor(
    readonly itemIds: string[],
    readonly moderatorId: string,
    readonly action: ModerationAction,
    readonly reason: string,
    readonly rule: string | null,
    readonly hours: number | null,
  ) {
    super();
  }
}
