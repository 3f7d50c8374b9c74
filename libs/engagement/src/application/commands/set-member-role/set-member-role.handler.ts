import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GroupRules } from '../../../domain/conversation/conversation.js';
import { ConversationNotFoundError } from '../../../domain/conversation/conversation.errors.js';
import { GroupChange } from '../../messaging/group-change.js';
import { SetMemberRoleCommand } from './set-member-role.command.js';

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
