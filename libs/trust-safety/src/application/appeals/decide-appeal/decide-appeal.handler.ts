import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { AppealRepository, reversalOf } from '../../../domain/appeals/appeal.js';
import { AppealNotFoundError } from '../../../domain/appeals/appeal.errors.js';
import { ReviewItemClaimedError } from '../../../domain/review-queue/review-item.errors.js';
import { QueueUpdates } from '../../review-queue/queue-updates.js';
import { ReviewQueue } from '../../review-queue/review-queue.js';
import { toAppealDetailView } from '../appeal-views.js';
import { SanctionLifting } from '../sanction-lifting.js';
import { DecideAppealCommand } from './decide-appeal.command.js';

/**
 * A moderator other than the one who acted decides an appeal. Upheld: the content is restored through
 * its owner (`content-actioned.v1` restore), a timeout, suspension or ban in force is lifted, and so is
 * the automatic repeat-offender timeout the overturned decision triggered; either
 * way the appellant is notified, the queue item resolved and the audit log written. Deciding again
 * returns the first outcome and changes nothing.
 */
@CommandHandler(DecideAppealCommand)
export class DecideAppealHandler implements ICommandHandler<DecideAppealCommand> {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly queue: ReviewQueue,
    private readonly lifting: SanctionLifting,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
  ) {}

  execute(command: DecideAppealCommand) {
    return this.unitOfWork.transactional(async () => {
      const appeal = await this.appeals.find(command.appealId, { lock: true });
      if (!appeal) throw new AppealNotFoundError();
      appeal.assertMayDecide(command.moderatorId);
      if (!appeal.isOpen()) return toAppealDetailView(appeal);
      const item = await this.queue.findForUpdate(appeal.itemId);
      if (item?.claimedBy && item.claimedBy !== command.moderatorId) throw new ReviewItemClaimedError(item.claimedBy);

      const now = new Date();
      appeal.decide(command.moderatorId, command.outcome, command.reason, now);
      const reversal = reversalOf(appeal.originalAction);
      let lifted: string | null = null;
      if (appeal.status === 'upheld' && reversal.sanction) {
        const done = await this.lifting.lift({
          userId: appeal.appellantId,
          sanction: reversal.sanction,
          liftedBy: command.moderatorId,
          reason: command.reason,
          appealId: appeal.id,
          at: now,
        });
        if (done) lifted = reversal.sanction;
      }
      // The overturned violation no longer counts, so the timeout it tipped into is taken back too.
      let escalationLifted = false;
      if (appeal.status === 'upheld' && !reversal.sanction) {
        escalationLifted = await this.lifting.undoEscalationOf({
          decisionId: appeal.decisionId,
          userId: appeal.appellantId,
          liftedBy: command.moderatorId,
          reason: command.reason,
          appealId: appeal.id,
          at: now,
        });
      }
      await this.appeals.save(appeal);
      await this.queue.resolve(appeal.itemId, command.moderatorId, `appeal.${appeal.status}`, now);
      await this.audit.record({
        actorId: command.moderatorId,
        action: `trust-safety.appeal.${appeal.status}`,
        target: { type: 'appeal', id: appeal.id },
        reason: command.reason,
        data: {
          decisionId: appeal.decisionId,
          appellantId: appeal.appellantId,
          originalAction: appeal.originalAction,
          originalModeratorId: appeal.originalModeratorId,
          contentRestored: appeal.status === 'upheld' && reversal.content,
          sanctionLifted: lifted,
          escalationLifted,
        },
      });
      this.unitOfWork.afterCommit(() => this.updates.changed(appeal.itemId));
      return toAppealDetailView(appeal);
    });
  }
}
