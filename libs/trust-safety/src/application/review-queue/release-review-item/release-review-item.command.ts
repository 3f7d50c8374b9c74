import { Command } from '@nestjs/cqrs';
import type { ReviewItemView } from '../review-queue.js';

export class ReleaseReviewItemCommand extends Command<ReviewItemView> {
  constructor(
    readonly itemId: string,
    readonly callerId: string,
    readonly callerIsAdmin: boolean,
  ) {
    super();
  }
}
