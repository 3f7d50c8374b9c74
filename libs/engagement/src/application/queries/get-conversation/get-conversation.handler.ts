import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { ConversationsReadModel } from '../../read-models/conversations.read-model.js';
import { GetConversationQuery } from './get-conversation.query.js';

@QueryHandler(GetConversationQuery)
export class GetConversationHandler implements IQueryHandler<GetConversationQuery> {
  constructor(
    private readonly conversations: ConversationsReadModel,
    private readonly members: ConversationMembers,
  ) {}

  async execute({ userId, conversationId }: GetConversationQuery) {
    await this.members.load(conversationId, userId);
    return this.conversations.one(userId, conversationId);
  }
}
