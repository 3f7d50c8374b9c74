import { Command } from '@nestjs/cqrs';
import type { ReviewItemView } from '../review-queue.js';

/** Claims the item for `assigneeId` (the caller, or another moderator they assign it to). */
export class ClaimReviewItemCommand extends Command<ReviewItemView> {
  constructor(
    readonly itemId: string,
    readonly callerId: string,
    readonly assigneeId: string,
  ) {
    super();
  }
}
