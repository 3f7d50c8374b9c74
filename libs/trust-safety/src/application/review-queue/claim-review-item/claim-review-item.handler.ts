import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import {
  ReviewItemClaimedError,
  ReviewItemNotFoundError,
  ReviewItemResolvedError,
} from '../../../domain/review-queue/review-item.errors.js';
import { QueueUpdates } from '../queue-updates.js';
import { ReviewQueue } from '../review-queue.js';
import { ClaimReviewItemCommand } from './claim-review-item.command.js';

/** One moderator works an item at a time; claiming your own claim again is a no-op. */
@CommandHandler(ClaimReviewItemCommand)
export class ClaimReviewItemHandler implements ICommandHandler<ClaimReviewItemCommand> {
  constructor(
    private readonly queue: ReviewQueue,
    private readonly unitOfWork: UnitOfWork,
    private readonly updates: QueueUpdates,
  ) {}

  execute(command: ClaimReviewItemCommand) {
    return this.unitOfWork.transactional(async () => {
      const item = await this.queue.findForUpdate(command.itemId);
      if (!item) throw new ReviewItemNotFoundError();
      if (item.status !== 'open') throw new ReviewItemResolvedError();
      // Assigning over someone else's claim is deliberate reassignment; claiming for yourself is not.
      if (item.claimedBy && item.claimedBy !== command.assigneeId && command.assigneeId === command.callerId)
        throw new ReviewItemClaimedError(item.claimedBy);
      if (item.claimedBy !== command.assigneeId) await this.queue.claim(item.id, command.assigneeId, new Date());
      this.unitOfWork.afterCommit(() => this.updates.changed(item.id));
      return (await this.queue.find(item.id))!;
    });
  }
}
