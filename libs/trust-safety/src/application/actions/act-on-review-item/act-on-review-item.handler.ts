import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import {
  ACCOUNT_MODERATION_ACTIONS,
  isContentAction,
  ModerationDecision,
  ModerationDecisionRepository,
} from '../../../domain/actions/moderation-decision.js';
import { ActionNotApplicableError } from '../../../domain/actions/moderation-decision.errors.js';
import { ReportRepository } from '../../../domain/reports/report.repository.js';
import { ReviewItemClaimedError, ReviewItemNotFoundError } from '../../../domain/review-queue/review-item.errors.js';
import { QueueUpdates } from '../../review-queue/queue-updates.js';
import { ReviewQueue } from '../../review-queue/review-queue.js';
import { SpamDecisionLabels } from '../../spam/spam-decision-labels.js';
import { toDecisionView } from '../decision-views.js';
import { ModerationEffects } from '../moderation-effects.js';
import { ActOnReviewItemCommand } from './act-on-review-item.command.js';

/**
 * A moderator decides an item: the decision is saved with its effects, the item and its reports are
 * resolved, and the owning context, the subject and the reporters hear of it through the outbox.
 * Idempotent: acting on an item already decided returns the first decision and changes nothing.
 */
@CommandHandler(ActOnReviewItemCommand)
export class ActOnReviewItemHandler implements ICommandHandler<ActOnReviewItemCommand> {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly reports: ReportRepository,
    private readonly decisions: ModerationDecisionRepository,
    private readonly effects: ModerationEffects,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
    private readonly spamLabels: SpamDecisionLabels,
  ) {}

  execute(command: ActOnReviewItemCommand) {
    return this.unitOfWork.transactional(async () => {
      // The row lock makes a second, concurrent decision wait and then find the first.
      const item = await this.queue.findForUpdate(command.itemId);
      if (!item) throw new ReviewItemNotFoundError();
      const earlier = await this.decisions.byItem(item.id);
      if (earlier) return toDecisionView(earlier);
      if (item.claimedBy && item.claimedBy !== command.moderatorId) throw new ReviewItemClaimedError(item.claimedBy);
      this.checkApplicable(command, item.target.type, item.subjectUserId);

      const now = new Date();
      const reporterIds = await this.reports.resolveOpenOn(item.target.type, item.target.id, command.action, now);
      const decision = ModerationDecision.make({
        itemId: item.id,
        moderatorId: command.moderatorId,
        action: command.action,
        target: item.target,
        subjectUserId: item.subjectUserId,
        reason: command.reason,
        rule: command.rule,
        timeoutHours: command.action === 'timeout' ? command.hours : null,
        reporterIds,
        at: now,
      });
      const escalation = await this.effects.apply(decision);
      await this.spamLabels.fromDecision(item, decision);
      await this.queue.resolve(item.id, command.moderatorId, command.action, now);
      this.unitOfWork.afterCommit(() => this.updates.changed(item.id));
      return toDecisionView(decision, escalation);
    });
  }

  private checkApplicable(command: ActOnReviewItemCommand, targetType: string, subjectUserId: string | null): void {
    if (targetType === 'appeal')
      throw new ActionNotApplicableError('Appeals are decided with POST /v1/admin/moderation/appeals/{id}/decision');
    if (isContentAction(command.action) && targetType === 'user')
      throw new ActionNotApplicableError(`'${command.action}' applies to content; act on the account instead`);
    if ((ACCOUNT_MODERATION_ACTIONS as readonly string[]).includes(command.action) && !subjectUserId)
      throw new ActionNotApplicableError('Nobody is known to be responsible for this item');
    if (command.action === 'timeout' && !command.hours)
      throw new ActionNotApplicableError('A timeout needs its length in hours');
  }
}
