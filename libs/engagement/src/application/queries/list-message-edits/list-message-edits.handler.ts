import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MessageNotFoundError } from '../../../domain/message/message.errors.js';
import { MessageRepository } from '../../../domain/message/message.repository.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toMessageView } from '../../messaging/message-views.js';
import { ConversationsReadModel } from '../../read-models/conversations.read-model.js';
import { ListMessageEditsQuery } from './list-message-edits.query.js';

/** The earlier texts of a message, oldest first, with the current one; none for a tombstone. */
@QueryHandler(ListMessageEditsQuery)
export class ListMessageEditsHandler implements IQueryHandler<ListMessageEditsQuery> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationsReadModel,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId, messageId }: ListMessageEditsQuery) {
    await this.members.load(conversationId, userId);
    const message = await this.messages.find(messageId, conversationId);
    // A held message exists for its sender only; a tombstone (deleted, or removed by a moderator) has no texts to show.
    if (!message || (message.isHeld && message.senderId !== userId)) throw new MessageNotFoundError(messageId);
    const edits = message.deletedAt ? [] : await this.conversations.editsOf(messageId);
    return {
      items: edits.map((e) => ({ text: e.previousBody, replacedAt: e.editedAt.toISOString() })),
      current: toMessageView(message),
    };
  }
}
