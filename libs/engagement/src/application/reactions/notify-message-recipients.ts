import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { MessageSentV1 } from '../../contracts/index.js';
import { ConversationRepository } from '../../domain/conversation/conversation.repository.js';
import { Notifier } from '../notifier.js';

/**
 * Messages someone has not read yet become one unread notification per conversation ("3 new
 * messages from Ana"); a first message from a stranger becomes a "message request". Recipients who
 * already read past it (they were in the conversation) get nothing. Being @mentioned is its own
 * notification, one per message.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-message', on: [MessageSentV1], concurrency: 4 })
export class NotifyMessageRecipients implements EventConsumer<MessageSentV1> {
  constructor(
    private readonly notifier: Notifier,
    private readonly conversations: ConversationRepository,
  ) {}

  async handle({ event, envelope }: ConsumerContext<MessageSentV1>): Promise<void> {
    const recipients = [...event.recipientIds, ...event.requestRecipientIds];
    if (!recipients.length) return;
    const memberships = await this.conversations.membersOf(event.conversationId, { userIds: recipients });
    for (const member of memberships) {
      if (Number(member.readSeq) >= event.seq || !member.isPresent) continue;
      const request = member.status === 'request';
      if (!request && event.mentionedUserIds.includes(member.userId)) {
        await this.notifier.notify({
          occurrence: envelope.id,
          userId: member.userId,
          type: 'mention',
          actorId: event.senderId,
          subjectId: event.conversationId,
          data: { conversationId: event.conversationId, seq: event.seq, messageId: event.messageId },
          email: (name) => ({
            subject: `${name} mentioned you`,
            text: `${name} mentioned you in a conversation on Showrunner.`,
          }),
        });
        continue;
      }
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: member.userId,
        type: request ? 'message.request' : 'message.new',
        actorId: event.senderId,
        subjectId: event.conversationId,
        data: { conversationId: event.conversationId, seq: event.seq },
        groupKey: `${request ? 'message.request' : 'message.new'}:${event.conversationId}`,
        // The text stays out of e-mail: messages are private to the conversation.
        email: (name) =>
          request
            ? {
                subject: `${name} wants to send you a message`,
                text: `${name} sent you a message request on Showrunner.`,
              }
            : { subject: `New messages from ${name}`, text: `${name} sent you new messages on Showrunner.` },
      });
    }
  }
}
