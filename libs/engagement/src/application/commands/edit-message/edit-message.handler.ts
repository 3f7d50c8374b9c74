import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MessageEdit, validMessageText } from '../../../domain/message/message.js';
import { MessageChange } from '../../messaging/message-change.js';
import type { MessageView } from '../../messaging/message-views.js';
import { EditMessageCommand } from './edit-message.command.js';
import { MESSAGE_UPDATED } from '../../realtime-events.js';

/** The author changes the text within the edit window (screened again); the earlier text is kept in the history. */
@CommandHandler(EditMessageCommand)
export class EditMessageHandler extends MessageChange implements ICommandHandler<EditMessageCommand> {
  execute({ userId, conversationId, messageId, text }: EditMessageCommand): Promise<MessageView> {
    const checked = validMessageText(text, this.config.messaging.maxLength);
    return this.change(userId, conversationId, messageId, MESSAGE_UPDATED, async (message, revision) => {
      const now = new Date();
      const previous = message.edit(userId, checked, revision, this.config.messaging.editWindowSeconds, now);
      this.messages.addEdit(new MessageEdit(message.id, previous, now));
      // The new text is screened like a new message: refused (422) or held until a moderator approves it.
      const verdict = await this.screening.screen({
        surface: 'message',
        authorId: userId,
        text: checked,
        content: { type: 'message', id: message.id },
      });
      if (verdict.action === 'hold' || verdict.action === 'hide') message.hold(revision, now);
    });
  }
}
