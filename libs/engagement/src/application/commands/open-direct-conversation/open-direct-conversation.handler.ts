import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DirectConversations } from '../../messaging/direct-conversations.js';
import { OpenDirectConversationCommand } from './open-direct-conversation.command.js';

@CommandHandler(OpenDirectConversationCommand)
export class OpenDirectConversationHandler implements ICommandHandler<OpenDirectConversationCommand> {
  constructor(private readonly directs: DirectConversations) {}

  async execute({ userId, recipientId }: OpenDirectConversationCommand) {
    const { conversation, created } = await this.directs.open(userId, recipientId);
    return { conversationId: conversation.id, created };
  }
}
