import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsUUID } from 'class-validator';

/**
 * A direct message was stored. Carries no text (messages are private): enough to notify the
 * recipients who have not read it yet, and to count messaging activity.
 */
export class MessageSentV1 extends IntegrationEvent {
  static override readonly type = 'engagement.message-sent.v1';

  @IsUUID() readonly messageId!: string;
  @IsUUID() readonly conversationId!: string;
  @IsInt() readonly seq!: number;
  @IsUUID() readonly senderId!: string;
  @IsUUID('all', { each: true }) readonly recipientIds!: string[];
  /** Recipients for whom the conversation is still a message request. */
  @IsUUID('all', { each: true }) readonly requestRecipientIds!: string[];
  /** Recipients named with @handle in the text (told by a `mention` notification). */
  @IsUUID('all', { each: true }) readonly mentionedUserIds!: string[];
  @IsISO8601() readonly sentAt!: string;

  constructor(payload: MessageSentV1) {
    super();
    Object.assign(this, payload);
  }
}
