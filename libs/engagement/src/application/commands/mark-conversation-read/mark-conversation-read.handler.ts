import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RealtimeEmitter } from '@lib/platform';
import { ConversationRepository } from '../../../domain/conversation/conversation.repository.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { ConversationsReadModel } from '../../read-models/conversations.read-model.js';
import { MarkConversationReadCommand } from './mark-conversation-read.command.js';
import { CONVERSATION_READ } from '../../realtime-events.js';

/**
 * Moves the reader's read mark forward (never back, never past the last message) and tells the
 * other members (read receipts) and the reader's other devices (unread counts). Someone reading a
 * pending request is not announced: the sender learns nothing until it is accepted.
 */
@CommandHandler(MarkConversationReadCommand)
export class MarkConversationReadHandler implements ICommandHandler<MarkConversationReadCommand> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly readModel: ConversationsReadModel,
    private readonly members: ConversationMembers,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, conversationId, upToSeq }: MarkConversationReadCommand) {
    const { members, me } = await this.members.load(conversationId, userId);
    // One statement, committed on its own: the push below follows its commit.
    const moved = await this.conversations.moveReadMark(conversationId, userId, upToSeq);
    const readSeq = moved ?? Number(me.readSeq);
    const unread = await this.readModel.unreadIn(conversationId, userId, readSeq);
    const receipt = { conversationId, userId, upToSeq: readSeq, unread };
    if (moved !== null)
      this.realtime.toUsers(
        me.status === 'active' ? ConversationMembers.audience(members) : [userId],
        CONVERSATION_READ,
        receipt,
      );
    return receipt;
  }
}
