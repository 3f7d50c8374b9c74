import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toConversationChange } from '../../messaging/message-views.js';
import { AnswerMessageRequestCommand } from './answer-message-request.command.js';
import { CONVERSATION_UPDATED } from '../../realtime-events.js';

@CommandHandler(AnswerMessageRequestCommand)
export class AnswerMessageRequestHandler implements ICommandHandler<AnswerMessageRequestCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly members: ConversationMembers,
    private readonly realtime: RealtimeEmitter,
  ) {}

  execute({ userId, conversationId, accept }: AnswerMessageRequestCommand) {
    return this.unitOfWork.transactional(async () => {
      const { conversation, members, me } = await this.members.load(conversationId, userId, { lock: true });
      if (accept) me.accept();
      else me.decline();
      const change = toConversationChange(conversation, members);
      // Only the answering user's devices hear of it: a sender is never told about a decline.
      this.unitOfWork.afterCommit(() => this.realtime.toUser(userId, CONVERSATION_UPDATED, change));
      return { conversationId, status: me.status };
    });
  }
}
