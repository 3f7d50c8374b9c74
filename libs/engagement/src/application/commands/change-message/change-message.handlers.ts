import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import type { Conversation } from '../../../domain/messaging/conversation.js';
import { Message, MessageEdit, validMessageText } from '../../../domain/messaging/message.js';
import { MessageNotFoundError } from '../../../domain/messaging/messaging-errors.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toMessageView, type MessageView } from '../../messaging/message-views.js';
import { DeleteMessageCommand, EditMessageCommand } from './change-message.commands.js';

/**
 * Edits and deletions take the conversation's next sequence number as the message's revision, so
 * a client catching up with `after=<last seen>` gets them like new messages and misses none.
 */
// Decorated so the subclasses inherit its constructor's injection metadata.
@Injectable()
abstract class MessageChange {
  constructor(
    protected readonly em: EntityManager,
    protected readonly unitOfWork: UnitOfWork,
    protected readonly members: ConversationMembers,
    protected readonly realtime: RealtimeEmitter,
    protected readonly config: AppConfig,
  ) {}

  protected async change(
    userId: string,
    conversationId: string,
    messageId: string,
    event: string,
    apply: (message: Message, revision: number) => void | Promise<void>,
  ): Promise<MessageView> {
    const { message, audience } = await this.unitOfWork.transactional(async () => {
      const loaded = await this.members.load(conversationId, userId, { lock: true, write: true });
      const target = await this.em.findOne(Message, { id: messageId, conversationId });
      if (!target) throw new MessageNotFoundError(messageId);
      await apply(target, this.nextRevision(loaded.conversation));
      return { message: target, audience: ConversationMembers.audience(loaded.members) };
    });
    const view = toMessageView(message);
    this.realtime.toUsers(audience, event, view);
    return view;
  }

  private nextRevision(conversation: Conversation): number {
    conversation.lastSeq = Number(conversation.lastSeq) + 1;
    return conversation.lastSeq;
  }
}

@CommandHandler(EditMessageCommand)
export class EditMessageHandler extends MessageChange implements ICommandHandler<EditMessageCommand> {
  execute({ userId, conversationId, messageId, text }: EditMessageCommand): Promise<MessageView> {
    const checked = validMessageText(text, this.config.messaging.maxLength);
    return this.change(userId, conversationId, messageId, 'message:updated', (message, revision) => {
      const now = new Date();
      const previous = message.edit(userId, checked, revision, this.config.messaging.editWindowSeconds, now);
      this.em.persist(new MessageEdit(message.id, previous, now));
    });
  }
}

@CommandHandler(DeleteMessageCommand)
export class DeleteMessageHandler extends MessageChange implements ICommandHandler<DeleteMessageCommand> {
  execute({ userId, conversationId, messageId }: DeleteMessageCommand): Promise<MessageView> {
    return this.change(userId, conversationId, messageId, 'message:deleted', async (message, revision) => {
      message.delete(userId, revision, this.config.messaging.deleteWindowSeconds);
      // A deleted text does not live on in its edit history.
      await this.em.nativeDelete(MessageEdit, { messageId: message.id });
    });
  }
}
