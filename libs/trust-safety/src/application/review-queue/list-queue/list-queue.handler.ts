import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReviewQueue } from '../review-queue.js';
import { ListQueueQuery } from './list-queue.query.js';

/** The one review queue: reports per target, held content, flags, appeals and DMCA notices by priority. */
@QueryHandler(ListQueueQuery)
export class ListQueueHandler implements IQueryHandler<ListQueueQuery> {
  constructor(private readonly queue: ReviewQueue) {}

  execute(query: ListQueueQuery) {
    return this.queue.page(query.filter, query.limit, query.cursor);
  }
}
