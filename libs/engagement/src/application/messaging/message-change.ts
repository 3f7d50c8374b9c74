import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import type { Conversation } from '../../domain/conversation/conversation.js';
import type { Message } from '../../domain/message/message.js';
import { MessageNotFoundError } from '../../domain/message/message.errors.js';
import { MessageRepository } from '../../domain/message/message.repository.js';
import { ConversationMembers } from './conversation-members.js';
import { toMessageView, type MessageView } from './message-views.js';

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
  ) {}

  protected change(
    userId: string,
    conversationId: string,
    messageId: string,
    event: 'message:updated' | 'message:deleted',
    apply: (message: Message, revision: number) => void | Promise<void>,
  ): Promise<MessageView> {
    return this.unitOfWork.transactional(async () => {
      const loaded = await this.members.load(conversationId, userId, { lock: true, write: true });
      const target = await this.messages.find(messageId, conversationId);
      if (!target) throw new MessageNotFoundError(messageId);
      await apply(target, this.nextRevision(loaded.conversation));
      const view = toMessageView(target);
      const audience = ConversationMembers.audience(loaded.members);
      this.unitOfWork.afterCommit(() => this.realtime.toUsers(audience, event, view));
      return view;
    });
  }

  private nextRevision(conversation: Conversation): number {
    conversation.lastSeq = Number(conversation.lastSeq) + 1;
    return conversation.lastSeq;
  }
}
