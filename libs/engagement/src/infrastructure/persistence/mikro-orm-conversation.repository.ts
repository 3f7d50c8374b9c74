import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Conversation, Membership } from '../../domain/conversation/conversation.js';
import { DirectConversationExistsError } from '../../domain/conversation/conversation.errors.js';
import { ConversationRepository } from '../../domain/conversation/conversation.repository.js';

@Injectable()
export class MikroOrmConversationRepository extends ConversationRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(conversationId: string, options: { lock?: boolean } = {}): Promise<Conversation | null> {
    return this.em.findOne(
      Conversation,
      { id: conversationId },
      options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
  }

  findDirect(pairKey: string, options: { fresh?: boolean } = {}): Promise<Conversation | null> {
    return this.em.findOne(Conversation, { pairKey }, options.fresh ? { refresh: true } : {});
  }

  membersOf(conversationId: string, options: { fresh?: boolean; userIds?: string[] } = {}): Promise<Membership[]> {
    return this.em.find(
      Membership,
      options.userIds ? { conversationId, userId: { $in: options.userIds } } : { conversationId },
      options.fresh ? { refresh: true } : {},
    );
  }

  async create(conversation: Conversation, members: Membership[]): Promise<void> {
    this.em.persist([conversation, ...members]);
    try {
      await this.em.flush();
    } catch (error) {
      // Two people writing to each other at the same moment meet on the pair key's unique index.
      if (
        error instanceof UniqueConstraintViolationException &&
        String(error.message).includes('conversations_pair_key')
      ) {
        throw new DirectConversationExistsError();
      }
      throw error;
    }
  }

  addMember(membership: Membership): void {
    this.em.persist(membership);
  }

  async moveReadMark(conversationId: string, userId: string, upToSeq: number): Promise<number | null> {
    const moved = await this.em.execute<{ read_seq: number }[]>(
      `update engagement.conversation_members m set read_seq = least(?, c.last_seq)
         from engagement.conversations c
        where c.id = m.conversation_id and m.conversation_id = ? and m.user_id = ? and least(?, c.last_seq) > m.read_seq
        returning m.read_seq`,
      [upToSeq, conversationId, userId, upToSeq],
    );
    return moved[0] ? Number(moved[0].read_seq) : null;
  }
}
