import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ReviewItemClaimedError, ReviewItemNotFoundError } from '../../../domain/review-queue/review-item.errors.js';
import { QueueUpdates } from '../queue-updates.js';
import { ReviewQueue } from '../review-queue.js';
import { ReleaseReviewItemCommand } from './release-review-item.command.js';

/** Gives an item back to the queue: its claimant, or an admin, may. */
@CommandHandler(ReleaseReviewItemCommand)
export class ReleaseReviewItemHandler implements ICommandHandler<ReleaseReviewItemCommand> {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
  ) {}

  execute(command: ReleaseReviewItemCommand) {
    return this.unitOfWork.transactional(async () => {
      const item = await this.queue.findForUpdate(command.itemId);
      if (!item) throw new ReviewItemNotFoundError();
      if (item.claimedBy && item.claimedBy !== command.callerId && !command.callerIsAdmin)
        throw new ReviewItemClaimedError(item.claimedBy);
      if (item.claimedBy) await this.queue.release(item.id);
      this.unitOfWork.afterCommit(() => this.updates.changed(item.id));
      return (await this.queue.find(item.id))!;
    });
  }
}
