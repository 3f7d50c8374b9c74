import { Injectable } from '@nestjs/common';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { GroupRules } from '../../domain/conversation/conversation.js';
import { ConversationMembers, type LoadedConversation } from './conversation-members.js';
import { toConversationChange, type ConversationChangeView } from './message-views.js';
import { CONVERSATION_UPDATED } from '../realtime-events.js';

/** Group changes run under the conversation lock and end with one `conversation:updated` push. */
// Decorated so the subclasses inherit its constructor's injection metadata.
@Injectable()
export abstract class GroupChange {
  constructor(
    protected readonly unitOfWork: UnitOfWork,
    protected readonly members: ConversationMembers,
    protected readonly realtime: RealtimeEmitter,
  ) {}

  /** `apply` returns anyone else to tell (someone who just left or was removed). */
  protected change(
    userId: string,
    conversationId: string,
    apply: (loaded: LoadedConversation) => Promise<string[] | void>,
  ): Promise<ConversationChangeView> {
    return this.unitOfWork.transactional(async () => {
      const loaded = await this.members.load(conversationId, userId, { lock: true, write: true });
      const before = ConversationMembers.audience(loaded.members);
      const alsoTell = (await apply(loaded)) ?? [];
      const successor = GroupRules.successorAdmin(loaded.members);
      if (successor) successor.role = 'admin';
      const change = toConversationChange(loaded.conversation, loaded.members);
      const audience = [...new Set([...before, ...ConversationMembers.audience(loaded.members), ...alsoTell])];
      this.unitOfWork.afterCommit(() => this.realtime.toUsers(audience, CONVERSATION_UPDATED, change));
      return change;
    });
  }
}
