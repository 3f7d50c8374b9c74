import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GroupRules } from '../../../domain/conversation/conversation.js';
import { ConversationNotFoundError, NotAGroupError } from '../../../domain/conversation/conversation.errors.js';
import { GroupChange } from '../../messaging/group-change.js';
import { RemoveGroupMemberCommand } from './remove-group-member.command.js';

/** The one who leaves or is removed hears of it too, though no longer a member. */
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
