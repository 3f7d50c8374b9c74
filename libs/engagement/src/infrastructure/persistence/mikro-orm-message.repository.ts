import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Message, MessageEdit } from '../../domain/message/message.js';
import { MessageRepository } from '../../domain/message/message.repository.js';
import { asDuplicateClientMessage } from './duplicate-client-message.js';

@Injectable()
export class MikroOrmMessageRepository extends MessageRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(messageId: string, conversationId: string): Promise<Message | null> {
    return this.em.findOne(Message, { id: messageId, conversationId });
  }

  findById(messageId: string): Promise<Message | null> {
    return this.em.findOne(Message, { id: messageId });
  }

  findSent(senderId: string, clientMessageId: string): Promise<Message | null> {
    return this.em.findOne(Message, { senderId, clientMessageId }, { refresh: true });
  }

  async save(message: Message): Promise<void> {
    this.em.persist(message);
    try {
      await this.em.flush();
    } catch (error) {
      throw asDuplicateClientMessage(error);
    }
  }

  addEdit(edit: MessageEdit): void {
    this.em.persist(edit);
  }

  async dropEdits(messageId: string): Promise<void> {
    await this.em.nativeDelete(MessageEdit, { messageId });
  }
}
