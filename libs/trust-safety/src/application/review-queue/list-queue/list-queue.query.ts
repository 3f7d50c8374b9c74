import { Query } from '@nestjs/cqrs';
import type { QueueFilter, QueuePage } from '../review-queue.js';

export class ListQueueQuery extends Query<QueuePage> {
  constructor(
    readonly filter: QueueFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
