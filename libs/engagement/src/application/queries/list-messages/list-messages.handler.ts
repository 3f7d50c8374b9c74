import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toMessageView } from '../../messaging/message-views.js';
import { ConversationsReadModel } from '../../read-models/conversations.read-model.js';
import { ListMessagesQuery } from './list-messages.query.js';

@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler implements IQueryHandler<ListMessagesQuery> {
  constructor(
    private readonly conversations: ConversationsReadModel,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId, limit, before, after }: ListMessagesQuery) {
    const { conversation } = await this.members.load(conversationId, userId);
    const lastSeq = Number(conversation.lastSeq);
    if (after !== undefined) {
      const changed = await this.conversations.changedAfter(conversationId, userId, after, limit + 1);
      // `hasMore`: ask again with after = the last item's revision.
      return { items: changed.slice(0, limit).map(toMessageView), lastSeq, hasMore: changed.length > limit };
    }
    const older = await this.conversations.latest(conversationId, userId, limit + 1, before);
    return { items: older.slice(0, limit).reverse().map(toMessageView), lastSeq, hasMore: older.length > limit };
  }
}
