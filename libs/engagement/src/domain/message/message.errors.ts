import { DomainError } from '@lib/platform/ddd';

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

/** A level-0 (new, unverified) account writing first to someone who does not follow it. */
export class RecipientDoesNotFollowError extends DomainError {
  readonly code = 'engagement.message.recipient-not-following';
  readonly kind = 'forbidden';
  constructor() {
    super('New accounts can only message people who follow them; verify your e-mail or wait a little');
  }
}

export class MessageWindowClosedError extends DomainError {
  readonly code = 'engagement.message.window-closed';
  readonly kind = 'rule-violated';
  constructor(action: 'edit' | 'delete', windowSeconds: number) {
    super(
      `Messages can only be ${action === 'edit' ? 'edited' : 'deleted'} within ${windowSeconds} seconds of sending`,
      { windowSeconds },
    );
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

/** The sender already sent a message with this clientMessageId (a retry after a lost acknowledgement). */
export class DuplicateClientMessageError extends DomainError {
  readonly code = 'engagement.message.duplicate';
  readonly kind = 'conflict';
  constructor() {
    super('This message was already sent');
  }
}
