import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { WatchHistoryReadModel } from '../../read-models/watch-history.read-model.js';
import { ListWatchHistoryQuery } from './list-watch-history.query.js';

@QueryHandler(ListWatchHistoryQuery)
export class ListWatchHistoryHandler implements IQueryHandler<ListWatchHistoryQuery> {
  constructor(private readonly history: WatchHistoryReadModel) {}

  async execute({ userId, which, limit, cursor }: ListWatchHistoryQuery) {
    const after = decodeKeysetCursor(cursor);
    const rows =
      which === 'all'
        ? await this.history.history(userId, limit + 1, after)
        : await this.history.continueWatching(userId, limit + 1, after);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit ? encodeKeysetCursor(new Date(last.lastWatchedAt), last.id) : undefined,
    };
  }
}
