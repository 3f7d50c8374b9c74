import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { Conversation, GroupRules, Membership } from '../../../domain/messaging/conversation.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toConversationChange } from '../../messaging/message-views.js';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { People } from '../../people.js';
import { DirectConversations } from './direct-conversations.js';
import { CreateGroupCommand, OpenDirectConversationCommand } from './start-conversation.commands.js';

@CommandHandler(OpenDirectConversationCommand)
export class OpenDirectConversationHandler implements ICommandHandler<OpenDirectConversationCommand> {
  constructor(private readonly directs: DirectConversations) {}

  async execute({ userId, recipientId }: OpenDirectConversationCommand) {
    const { conversation, created } = await this.directs.open(userId, recipientId);
    return { conversationId: conversation.id, created };
  }
}

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(
    private readonly em: EntityManager,
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
    const { conversation, members } = await this.unitOfWork.transactional(async () => {
      const group = Conversation.group(userId, title);
      const all = [new Membership(group.id, userId, 'admin', 'active'), ...others.map((id) => new Membership(group.id, id, 'member', arrivals.get(id)!))];
      this.em.persist([group, ...all]);
      return { conversation: group, members: all };
    });
    const change = toConversationChange(conversation, members);
    this.realtime.toUsers(ConversationMembers.audience(members), 'conversation:updated', change);
    return change;
  }
}
