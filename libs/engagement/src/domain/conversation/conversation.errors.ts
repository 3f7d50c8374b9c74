import { DomainError } from '@lib/platform/ddd';

/** Unknown ids and other people's conversations look the same: nothing leaks whether it exists. */
export class ConversationNotFoundError extends DomainError {
  readonly code = 'engagement.conversation.not-found';
  readonly kind = 'not-found';
  constructor(conversationId: string) {
    super('There is no such conversation, or you are not in it', { conversationId });
  }
}

export class NotAGroupAdminError extends DomainError {
  readonly code = 'engagement.conversation.not-admin';
  readonly kind = 'forbidden';
  constructor() {
    super('Only a group admin can do this');
  }
}

export class GroupFullError extends DomainError {
  readonly code = 'engagement.conversation.full';
  readonly kind = 'rule-violated';
  constructor(maxMembers: number) {
    super(`A group may have at most ${maxMembers} members`, { maxMembers });
  }
}

export class NotAGroupError extends DomainError {
  readonly code = 'engagement.conversation.not-a-group';
  readonly kind = 'rule-violated';
  constructor() {
    super('Only group conversations have titles, admins and member changes');
  }
}

export class CannotMessageSelfError extends DomainError {
  readonly code = 'engagement.conversation.self';
  readonly kind = 'invalid';
  constructor() {
    super('A direct conversation needs someone other than you');
  }
}

/** Someone else opened the same 1:1 conversation a moment earlier (its pair key is taken). */
export class DirectConversationExistsError extends DomainError {
  readonly code = 'engagement.conversation.exists';
  readonly kind = 'conflict';
  constructor() {
    super('This conversation already exists');
  }
}
