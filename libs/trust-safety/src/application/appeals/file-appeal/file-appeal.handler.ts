import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { AuditLog } from '../../../contracts/index.js';
import { Appeal, AppealRepository } from '../../../domain/appeals/appeal.js';
import { AppealAlreadyFiledError } from '../../../domain/appeals/appeal.errors.js';
import { QueueUpdates } from '../../review-queue/queue-updates.js';
import { toAppealView } from '../appeal-views.js';
import { FileAppealCommand } from './file-appeal.command.js';

/**
 * The subject of a decision asks for it to be looked at again: one appeal per decision, within the
 * window; it joins the review queue (kind `appeal`) and moderators watching see it at once.
 */
@CommandHandler(FileAppealCommand)
export class FileAppealHandler implements ICommandHandler<FileAppealCommand> {
  constructor(
    private readonly appeals: AppealRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
  ) {}

  execute(command: FileAppealCommand) {
    // Checked before any lookup, so an oversized text is refused the same whatever the decision.
    Appeal.checkText(command.text);
    return this.unitOfWork.transactional(async () => {
      const decision = await this.appeals.decisionForAppeal(command.decisionId);
      const itemId = newId();
      const now = new Date();
      const appeal = Appeal.file({ decision, appellantId: command.appellantId, text: command.text, itemId, now });
      // The decision row is locked: a concurrent second appeal waits here and then finds the first.
      const earlier = await this.appeals.byDecision(appeal.decisionId);
      if (earlier) throw new AppealAlreadyFiledError(earlier.id);
      await this.appeals.enqueue({
        itemId,
        appealId: appeal.id,
        appellantId: appeal.appellantId,
        originalAction: appeal.originalAction,
        at: now,
      });
      await this.appeals.add(appeal);
      await this.audit.record({
        actorId: appeal.appellantId,
        action: 'trust-safety.appeal.filed',
        target: { type: 'appeal', id: appeal.id },
        data: { decisionId: appeal.decisionId, originalAction: appeal.originalAction, itemId },
      });
      this.unitOfWork.afterCommit(() => this.updates.changed(itemId));
      return toAppealView(appeal);
    });
  }
}
