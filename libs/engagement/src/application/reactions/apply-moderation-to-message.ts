import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, RealtimeEmitter, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ContentActionedV1 } from '@lib/trust-safety/contracts';
import { ConversationRepository } from '../../domain/conversation/conversation.repository.js';
import { MessageRepository } from '../../domain/message/message.repository.js';
import { ConversationMembers } from '../messaging/conversation-members.js';
import { hiddenView } from '../messaging/message-change.js';
import { toMessageView } from '../messaging/message-views.js';
import { MESSAGE_DELETED, MESSAGE_HIDDEN, MESSAGE_NEW, MESSAGE_UPDATED } from '../realtime-events.js';

/**
 * Trust & safety decided about a direct message: `approve`/`restore` release a held message to its
 * recipients (pushed and notified now, as a change past the conversation's latest sequence), `hide`
 * takes it out of their view, `remove` leaves a tombstone (its text set aside), and `restore` after a
 * removal brings the text back to everyone. Decisions about other content are ignored.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.apply-moderation-to-message', on: [ContentActionedV1] })
export class ApplyModerationToMessage implements EventConsumer<ContentActionedV1> {
  constructor(
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationRepository,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async handle({ event, afterCommit }: ConsumerContext<ContentActionedV1>): Promise<void> {
    if (event.contentType !== 'message') return;
    const message = await this.messages.findById(event.contentId);
    if (!message) return;
    // Locked like a send, so the revision taken here is the conversation's next sequence.
    const conversation = await this.conversations.find(message.conversationId, { lock: true });
    if (!conversation) return;
    const members = await this.conversations.membersOf(message.conversationId, { fresh: true });
    const everyone = ConversationMembers.audience(members);
    const others = everyone.filter((id) => id !== message.senderId);
    const wasHeld = message.isHeld;
    const wasRemoved = message.isRemovedByModerator;
    const revision = Number(conversation.lastSeq) + 1;
    const recipients = members.filter((m) => m.userId !== message.senderId && m.isPresent);
    const audience = {
      recipientIds: recipients.filter((m) => m.status === 'active').map((m) => m.userId),
      requestRecipientIds: recipients.filter((m) => m.status === 'request').map((m) => m.userId),
      mentionedUserIds: [],
    };

    switch (event.action) {
      case 'approve':
      case 'restore': {
        // An upheld appeal against a removal brings the text back; otherwise a held message is released.
        if (event.action === 'restore' && wasRemoved) {
          if (!message.restoreRemoved(revision, audience)) return;
          break;
        }
        if (!wasHeld || message.deletedAt) return;
        message.release(revision, audience);
        break;
      }
      case 'hide':
        if (wasHeld || message.deletedAt) return;
        message.hold(revision);
        break;
      case 'remove':
        if (message.deletedAt) return;
        message.removeByModerator(revision);
        break;
    }
    conversation.lastSeq = revision;
    await this.messages.save(message);

    const view = toMessageView(message);
    afterCommit(() => {
      if (event.action === 'approve' || event.action === 'restore') {
        // Recipients who had it as a tombstone get it back as a change; those who never had it, as new.
        this.realtime.toUsers(others, wasRemoved && !wasHeld ? MESSAGE_UPDATED : MESSAGE_NEW, view);
        this.realtime.toUsers([message.senderId], MESSAGE_UPDATED, view);
      } else if (event.action === 'hide') {
        this.realtime.toUsers([message.senderId], MESSAGE_UPDATED, view);
        this.realtime.toUsers(others, MESSAGE_HIDDEN, hiddenView(message));
      } else {
        this.realtime.toUsers(wasHeld ? [message.senderId] : everyone, MESSAGE_DELETED, view);
      }
    });
  }
}
