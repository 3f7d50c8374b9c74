import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Message, MessageEdit } from '../../../domain/messaging/message.js';
import { MessageNotFoundError } from '../../../domain/messaging/messaging-errors.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toMessageView } from '../../messaging/message-views.js';
import { ListMessageEditsQuery, ListMessagesQuery } from './list-messages.query.js';

@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler implements IQueryHandler<ListMessagesQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId, limit, before, after }: ListMessagesQuery) {
    const { conversation } = await this.members.load(conversationId, userId);
    const lastSeq = Number(conversation.lastSeq);
    if (after !== undefined) {
      const changed = await this.em.find(Message, { conversationId, revision: { $gt: after } }, { orderBy: { revision: 'asc' }, limit: limit + 1 });
      const page = changed.slice(0, limit);
      // `hasMore`: ask again with after = the last item's revision.
      return { items: page.map(toMessageView), lastSeq, hasMore: changed.length > limit };
    }
    const older = await this.em.find(
      Message,
      before !== undefined ? { conversationId, seq: { $lt: before } } : { conversationId },
      { orderBy: { seq: 'desc' }, limit: limit + 1 },
    );
    return { items: older.slice(0, limit).reverse().map(toMessageView), lastSeq, hasMore: older.length > limit };
  }
}

@QueryHandler(ListMessageEditsQuery)
export class ListMessageEditsHandler implements IQueryHandler<ListMessageEditsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId, messageId }: ListMessageEditsQuery) {
    await this.members.load(conversationId, userId);
    const message = await this.em.findOne(Message, { id: messageId, conversationId });
    if (!message) throw new MessageNotFoundError(messageId);
    const edits = await this.em.find(MessageEdit, { messageId }, { orderBy: { editedAt: 'asc' } });
    return { items: edits.map((e) => ({ text: e.previousBody, replacedAt: e.editedAt.toISOString() })), current: toMessageView(message) };
  }
}
