import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { ConversationsReadModel } from '../../read-models/conversations.read-model.js';
import { ListConversationsQuery } from './list-conversations.query.js';

/** Conversation lists with unread counts, the last message and the members; keyset cursor on (last activity, id). */
@QueryHandler(ListConversationsQuery)
export class ListConversationsHandler implements IQueryHandler<ListConversationsQuery> {
  constructor(private readonly conversations: ConversationsReadModel) {}

  async execute({ userId, folder, limit, cursor }: ListConversationsQuery) {
    const rows = await this.conversations.page(
      userId,
      folder === 'inbox' ? 'active' : 'request',
      limit + 1,
      decodeKeysetCursor(cursor),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      ...(await this.conversations.unreadTotals(userId)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(new Date(last.lastActivityAt), last.id) : undefined,
    };
  }
}
