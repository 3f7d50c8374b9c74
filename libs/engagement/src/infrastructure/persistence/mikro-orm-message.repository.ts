import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Message, MessageEdit } from '../../domain/message/message.js';
import { DuplicateClientMessageError } from '../../domain/message/message.errors.js';
import { MessageRepository } from '../../domain/message/message.repository.js';

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
      // (sender, clientMessageId) is unique: a retried send fails here and its transaction rolls back.
      if (
        error instanceof UniqueConstraintViolationException &&
        String(error.message).includes('messages_client_id_key')
      ) {
        throw new DuplicateClientMessageError();
      }
      throw error;
    }
  }

  addEdit(edit: MessageEdit): void {
    this.em.persist(edit);
  }

  async dropEdits(messageId: string): Promise<void> {
    await this.em.nativeDelete(MessageEdit, { messageId });
  }
}
