import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { MessagingSettings } from '../../../domain/messaging/message.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toConversationChange } from '../../messaging/message-views.js';
import { AnswerMessageRequestCommand, SetMessagingSettingsCommand } from './message-requests.commands.js';

@CommandHandler(AnswerMessageRequestCommand)
export class AnswerMessageRequestHandler implements ICommandHandler<AnswerMessageRequestCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly members: ConversationMembers,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, conversationId, accept }: AnswerMessageRequestCommand) {
    const { change, status } = await this.unitOfWork.transactional(async () => {
      const { conversation, members, me } = await this.members.load(conversationId, userId, { lock: true });
      if (accept) me.accept();
      else me.decline();
      return { change: toConversationChange(conversation, members), status: me.status };
    });
    // Only the answering user's devices hear of it: a sender is never told about a decline.
    this.realtime.toUser(userId, 'conversation:updated', change);
    return { conversationId, status };
  }
}

@CommandHandler(SetMessagingSettingsCommand)
export class SetMessagingSettingsHandler implements ICommandHandler<SetMessagingSettingsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, directMessages }: SetMessagingSettingsCommand) {
    await this.unitOfWork.transactional(async () => {
      const settings = (await this.em.findOne(MessagingSettings, { userId })) ?? new MessagingSettings(userId, directMessages);
      settings.directMessages = directMessages;
      this.em.persist(settings);
    });
    return { directMessages };
  }
}
