import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork, type ServerEvent } from '@lib/platform';
import { ContentScreening } from '@lib/trust-safety/contracts';
import type { Conversation } from '../../domain/conversation/conversation.js';
import type { Message } from '../../domain/message/message.js';
import { MessageNotFoundError } from '../../domain/message/message.errors.js';
import { MessageRepository } from '../../domain/message/message.repository.js';
import { ConversationMembers } from './conversation-members.js';
import { toMessageView, type MessageView } from './message-views.js';
import { MESSAGE_HIDDEN } from '../realtime-events.js';

/**
 * Edits and deletions take the conversation's next sequence number as the message's revision, so
 * a client catching up with `after=<last seen>` gets them like new messages and misses none.
 */
// Decorated so the subclasses inherit its constructor's injection metadata.
@Injectable()
export abstract class MessageChange {
  constructor(
    protected readonly messages: MessageRepository,
    protected readonly unitOfWork: UnitOfWork,
    protected readonly members: ConversationMembers,
    protected readonly realtime: RealtimeEmitter,
    protected readonly config: AppConfig,
    protected readonly screening: ContentScreening,
  ) {}

  protected change(
    userId: string,
    conversationId: string,
    messageId: string,
    event: ServerEvent,
    apply: (message: Message, revision: number) => void | Promise<void>,
  ): Promise<MessageView> {
    return this.unitOfWork.transactional(async () => {
      const loaded = await this.members.load(conversationId, userId, { lock: true, write: true });
      const target = await this.messages.find(messageId, conversationId);
      if (!target) throw new MessageNotFoundError(messageId);
      const wasVisible = !target.isHeld;
      await apply(target, this.nextRevision(loaded.conversation));
      const view = toMessageView(target);
      const everyone = ConversationMembers.audience(loaded.members);
      const others = everyone.filter((id) => id !== target.senderId);
      this.unitOfWork.afterCommit(() => {
        // A held message's changes reach its sender only; others who had it are told it is gone for now.
        this.realtime.toUsers(target.isHeld ? [target.senderId] : everyone, event, view);
        if (wasVisible && target.isHeld) this.realtime.toUsers(others, MESSAGE_HIDDEN, hiddenView(target));
      });
      return view;
    });
  }

  private nextRevision(conversation: Conversation): number {
    conversation.lastSeq = Number(conversation.lastSeq) + 1;
    return conversation.lastSeq;
  }
}

/** What recipients learn of a message trust & safety took out of view: which one, nothing of its text. */
export function hiddenView(message: Message) {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: Number(message.seq),
    revision: Number(message.revision),
  };
}
