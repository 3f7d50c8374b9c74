import { Injectable } from '@nestjs/common';
import { CONFIRMED_VIOLATIONS, type ModerationDecision } from '../../domain/actions/moderation-decision.js';
import type { ReviewItemView } from '../review-queue/review-queue.js';
import { SpamLabels } from './spam-labels.js';

/** The text screening judged for a piece of content, as it was when the rule fired. */
export abstract class ScreenedTexts {
  abstract textOf(contentType: string, contentId: string, rule: string): Promise<string | null>;
}

/**
 * A moderator's decision on an item the spam rule raised is a labelled example: a confirmed
 * violation says spam, dismiss / approve / restore say not spam. Kept for the next training run and
 * for the model's live precision.
 */
@Injectable()
export class SpamDecisionLabels {
  constructor(
    private readonly texts: ScreenedTexts,
    private readonly labels: SpamLabels,
  ) {}

  static raisedBySpamRule(item: Pick<ReviewItemView, 'kind' | 'category'>): boolean {
    return item.kind === 'screening' && item.category.endsWith('.spam');
  }

  /** Inside the decision's transaction: the label exists exactly when the decision does. */
  async fromDecision(item: ReviewItemView, decision: ModerationDecision): Promise<void> {
    if (!decision.moderatorId || !SpamDecisionLabels.raisedBySpamRule(item)) return;
    const text = await this.texts.textOf(item.target.type, item.target.id, item.category);
    if (text === null) return;
    await this.labels.record(text, CONFIRMED_VIOLATIONS.includes(decision.action), decision.moderatorId, {
      decisionId: decision.id,
      flaggedByModel: true,
    });
  }
}
