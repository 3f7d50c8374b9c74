import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { GroupRules, Membership, type Conversation } from '../../../domain/messaging/conversation.js';
import { ConversationNotFoundError, NotAGroupError } from '../../../domain/messaging/messaging-errors.js';
import { ConversationMembers } from '../../messaging/conversation-members.js';
import { toConversationChange, type ConversationChangeView } from '../../messaging/message-views.js';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { People } from '../../people.js';
import { AddGroupMembersCommand, ChangeGroupCommand, RemoveGroupMemberCommand, SetMemberRoleCommand } from './manage-group.commands.js';

/** Group changes run under the conversation lock and end with one `conversation:updated` push. */
// Decorated so the subclasses inherit its constructor's injection metadata.
@Injectable()
abstract class GroupChange {
  constructor(
    protected readonly em: EntityManager,
    protected readonly unitOfWork: UnitOfWork,
    protected readonly members: ConversationMembers,
    protected readonly realtime: RealtimeEmitter,
  ) {}

  protected async change(
    userId: string,
    conversationId: string,
    apply: (loaded: { conversation: Conversation; members: Membership[]; me: Membership }) => Promise<string[] | void>,
  ): Promise<ConversationChangeView> {
    const { change, audience } = await this.unitOfWork.transactional(async () => {
      const loaded = await this.members.load(conversationId, userId, { lock: true, write: true });
      const before = ConversationMembers.audience(loaded.members);
      const alsoTell = (await apply(loaded)) ?? [];
      const successor = GroupRules.successorAdmin(loaded.members);
      if (successor) successor.role = 'admin';
      const after = ConversationMembers.audience(loaded.members);
      return { change: toConversationChange(loaded.conversation, loaded.members), audience: [...new Set([...before, ...after, ...alsoTell])] };
    });
    this.realtime.toUsers(audience, 'conversation:updated', change);
    return change;
  }
}

@CommandHandler(AddGroupMembersCommand)
export class AddGroupMembersHandler extends GroupChange implements ICommandHandler<AddGroupMembersCommand> {
  constructor(
    em: EntityManager,
    unitOfWork: UnitOfWork,
    members: ConversationMembers,
    realtime: RealtimeEmitter,
    private readonly people: People,
    private readonly policy: MessagingPolicy,
    private readonly config: AppConfig,
  ) {
    super(em, unitOfWork, members, realtime);
  }

  execute({ userId, conversationId, memberIds }: AddGroupMembersCommand) {
    return this.change(userId, conversationId, async ({ conversation, members, me }) => {
      GroupRules.assertAdmin(conversation, me);
      const newcomers = [...new Set(memberIds)].filter((id) => !members.some((m) => m.userId === id && m.isPresent));
      GroupRules.assertRoom(members.filter((m) => m.isPresent).length, newcomers.length, this.config.messaging.groupMaxMembers);
      for (const memberId of newcomers) {
        await this.people.require(memberId);
        const arrival = await this.policy.arrivalFor(memberId, userId);
        const previous = members.find((m) => m.userId === memberId);
        if (previous) previous.rejoin(arrival);
        else {
          const membership = new Membership(conversationId, memberId, 'member', arrival);
          members.push(membership);
          this.em.persist(membership);
        }
      }
    });
  }
}

@CommandHandler(RemoveGroupMemberCommand)
export class RemoveGroupMemberHandler extends GroupChange implements ICommandHandler<RemoveGroupMemberCommand> {
  execute({ userId, conversationId, memberId }: RemoveGroupMemberCommand) {
    return this.change(userId, conversationId, async ({ conversation, members, me }) => {
      if (!conversation.isGroup) throw new NotAGroupError();
      if (memberId === userId) {
        me.leave(false);
        return [userId];
      }
      GroupRules.assertAdmin(conversation, me);
      const target = members.find((m) => m.userId === memberId && m.isPresent);
      if (!target) throw new ConversationNotFoundError(conversationId);
      target.leave(true);
      return [memberId];
    });
  }
}

@CommandHandler(ChangeGroupCommand)
export class ChangeGroupHandler extends GroupChange implements ICommandHandler<ChangeGroupCommand> {
  execute({ userId, conversationId, changes }: ChangeGroupCommand) {
    return this.change(userId, conversationId, async ({ conversation, me }) => {
      GroupRules.assertAdmin(conversation, me);
      if (changes.title !== undefined) conversation.rename(changes.title);
    });
  }
}

@CommandHandler(SetMemberRoleCommand)
export class SetMemberRoleHandler extends GroupChange implements ICommandHandler<SetMemberRoleCommand> {
  execute({ userId, conversationId, memberId, role }: SetMemberRoleCommand) {
    return this.change(userId, conversationId, async ({ conversation, members, me }) => {
      GroupRules.assertAdmin(conversation, me);
      const target = members.find((m) => m.userId === memberId && m.isPresent);
      if (!target) throw new ConversationNotFoundError(conversationId);
      target.role = role;
    });
  }
}
