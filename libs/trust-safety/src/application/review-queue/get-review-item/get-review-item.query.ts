import { Query } from '@nestjs/cqrs';
import type { ReviewItemDetail } from '../review-queue.js';

export class GetReviewItemQuery extends Query<ReviewItemDetail> {
  constructor(readonly itemId: string) {
    super();
  }
}
