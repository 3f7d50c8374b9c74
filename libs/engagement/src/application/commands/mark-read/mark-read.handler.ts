import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RealtimeEmitter } from '@lib/platform';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { unreadIn } from '../../queries/list-conversations/unread-counts.js';
import { MarkConversationReadCommand } from './mark-read.command.js';

/**
 * Moves the reader's read mark forward (never back, never past the last message) and tells the
 * other members (read receipts) and the reader's other devices (unread counts). Someone reading a
 * pending request is not announced: the sender learns nothing until it is accepted.
 */
@CommandHandler(MarkConversationReadCommand)
export class MarkConversationReadHandler implements ICommandHandler<MarkConversationReadCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly members: ConversationMembers,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, conversationId, upToSeq }: MarkConversationReadCommand) {
    const { members, me } = await this.members.load(conversationId, userId);
    // One conditional update: concurrent receipts from two devices can only move the mark forward.
    const moved = await this.em.execute<{ read_seq: number }[]>(
      `update engagement.conversation_members m set read_seq = least(?, c.last_seq)
         from engagement.conversations c
        where c.id = m.conversation_id and m.conversation_id = ? and m.user_id = ? and least(?, c.last_seq) > m.read_seq
        returning m.read_seq`,
      [upToSeq, conversationId, userId, upToSeq],
    );
    const readSeq = moved[0] ? Number(moved[0].read_seq) : Number(me.readSeq);
    const unread = await unreadIn(this.em, conversationId, userId, readSeq);
    const receipt = { conversationId, userId, upToSeq: readSeq, unread };
    if (moved.length) this.realtime.toUsers(me.status === 'active' ? ConversationMembers.audience(members) : [userId], 'conversation:read', receipt);
    return receipt;
  }
}
