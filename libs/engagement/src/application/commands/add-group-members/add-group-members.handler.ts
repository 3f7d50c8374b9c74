import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { GroupRules, Membership } from '../../../domain/conversation/conversation.js';
import { ConversationRepository } from '../../../domain/conversation/conversation.repository.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { GroupChange } from '../../messaging/group-change.js';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { People } from '../../people.js';
import { AddGroupMembersCommand } from './add-group-members.command.js';

/** An admin adds people; someone who left or was removed comes back on the same membership. */
@CommandHandler(AddGroupMembersCommand)
export class AddGroupMembersHandler extends GroupChange implements ICommandHandler<AddGroupMembersCommand> {
  constructor(
    unitOfWork: UnitOfWork,
    members: ConversationMembers,
    realtime: RealtimeEmitter,
    private readonly conversations: ConversationRepository,
    private readonly people: People,
    private readonly policy: MessagingPolicy,
    private readonly config: AppConfig,
  ) {
    super(unitOfWork, members, realtime);
  }

  execute({ userId, conversationId, memberIds }: AddGroupMembersCommand) {
    return this.change(userId, conversationId, async ({ conversation, members, me }) => {
      GroupRules.assertAdmin(conversation, me);
      const newcomers = [...new Set(memberIds)].filter((id) => !members.some((m) => m.userId === id && m.isPresent));
      GroupRules.assertRoom(
        members.filter((m) => m.isPresent).length,
        newcomers.length,
        this.config.messaging.groupMaxMembers,
      );
      for (const memberId of newcomers) {
        await this.people.require(memberId);
        const arrival = await this.policy.arrivalFor(memberId, userId);
        const previous = members.find((m) => m.userId === memberId);
        if (previous) previous.rejoin(arrival);
        else {
          const membership = new Membership(conversationId, memberId, 'member', arrival);
          members.push(membership);
          this.conversations.addMember(membership);
        }
      }
    });
  }
}
