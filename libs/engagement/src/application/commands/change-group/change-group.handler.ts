import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { GroupRules } from '../../../domain/conversation/conversation.js';
import { GroupChange } from '../../messaging/group-change.js';
import { ChangeGroupCommand } from './change-group.command.js';

@CommandHandler(ChangeGroupCommand)
export class ChangeGroupHandler extends GroupChange implements ICommandHandler<ChangeGroupCommand> {
  execute({ userId, conversationId, changes }: ChangeGroupCommand) {
    return this.change(userId, conversationId, async ({ conversation, me }) => {
      GroupRules.assertAdmin(conversation, me);
      if (changes.title !== undefined) conversation.rename(changes.title);
    });
  }
}
