import { DomainError } from '@lib/platform/ddd';

/** Unknown ids and other people's conversations look the same: nothing leaks whether it exists. */
export class ConversationNotFoundError extends DomainError {
  readonly code = 'engagement.conversation.not-found';
  readonly kind = 'not-found';
  constructor(conversationId: string) {
    super('There is no such conversation, or you are not in it', { conversationId });
  }
}

export class MessageNotFoundError extends DomainError {
  readonly code = 'engagement.message.not-found';
  readonly kind = 'not-found';
  constructor(messageId: string) {
    super('There is no such message in this conversation', { messageId });
  }
}

export class MessageInvalidError extends DomainError {
  readonly code = 'engagement.message.invalid';
  readonly kind = 'invalid';
  constructor(reason: string, details?: Record<string, unknown>) {
    super(reason, details);
  }
}

export class MessageTooLongError extends DomainError {
  readonly code = 'engagement.message.too-long';
  readonly kind = 'invalid';
  constructor(length: number, maxLength: number) {
    super(`A message may be at most ${maxLength} characters`, { length, maxLength });
  }
}

export class NotAllowedToMessageError extends DomainError {
  readonly code = 'engagement.message.not-allowed';
  readonly kind = 'forbidden';
  constructor(reason: string) {
    super(reason);
  }
}

export class MessageWindowClosedError extends DomainError {
  readonly code = 'engagement.message.window-closed';
  readonly kind = 'rule-violated';
  constructor(action: 'edit' | 'delete', windowSeconds: number) {
    super(`Messages can only be ${action === 'edit' ? 'edited' : 'deleted'} within ${windowSeconds} seconds of sending`, { windowSeconds });
  }
}

export class NotYourMessageError extends DomainError {
  readonly code = 'engagement.message.not-author';
  readonly kind = 'forbidden';
  constructor() {
    super('Only the author can change this message');
  }
}

export class MessageDeletedError extends DomainError {
  readonly code = 'engagement.message.deleted';
  readonly kind = 'conflict';
  constructor() {
    super('This message was deleted');
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
