import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { Conversation, GroupRules, Membership } from '../../../domain/conversation/conversation.js';
import { ConversationRepository } from '../../../domain/conversation/conversation.repository.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toConversationChange } from '../../messaging/message-views.js';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { People } from '../../people.js';
import { CreateGroupCommand } from './create-group.command.js';
import { CONVERSATION_UPDATED } from '../../realtime-events.js';

/** The creator is the group's admin; each member lands in their inbox or requests, as for a 1:1. */
@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly people: People,
    private readonly policy: MessagingPolicy,
    private readonly realtime: RealtimeEmitter,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId, title, memberIds }: CreateGroupCommand) {
    const others = [...new Set(memberIds)].filter((id) => id !== userId);
    GroupRules.assertRoom(1, others.length, this.config.messaging.groupMaxMembers);
    const arrivals = new Map<string, 'active' | 'request'>();
    for (const memberId of others) {
      await this.people.require(memberId);
      arrivals.set(memberId, await this.policy.arrivalFor(memberId, userId));
    }
    return this.unitOfWork.transactional(async () => {
      const group = Conversation.group(userId, title);
      const members = [
        new Membership(group.id, userId, 'admin', 'active'),
        ...others.map((id) => new Membership(group.id, id, 'member', arrivals.get(id)!)),
      ];
      await this.conversations.create(group, members);
      const change = toConversationChange(group, members);
      this.unitOfWork.afterCommit(() =>
        this.realtime.toUsers(ConversationMembers.audience(members), CONVERSATION_UPDATED, change),
      );
      return change;
    });
  }
}
