import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MessageChange } from '../../messaging/message-change.js';
import type { MessageView } from '../../messaging/message-views.js';
import { DeleteMessageCommand } from './delete-message.command.js';
import { MESSAGE_DELETED } from '../../realtime-events.js';

/** The author deletes within the delete window: a tombstone keeps the message's place, its history goes. */
@CommandHandler(DeleteMessageCommand)
export class DeleteMessageHandler extends MessageChange implements ICommandHandler<DeleteMessageCommand> {
  execute({ userId, conversationId, messageId }: DeleteMessageCommand): Promise<MessageView> {
    return this.change(userId, conversationId, messageId, MESSAGE_DELETED, async (message, revision) => {
      message.delete(userId, revision, this.config.messaging.deleteWindowSeconds);
      await this.messages.dropEdits(message.id);
    });
  }
}
