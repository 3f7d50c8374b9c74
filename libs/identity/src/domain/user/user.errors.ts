import { DomainError } from '@lib/platform/ddd';

export class InvalidEmailError extends DomainError {
  readonly code = 'identity.email.invalid';
  readonly kind = 'invalid' as const;
  constructor() {
    super('The email address is not valid');
  }
}

export class InvalidHandleError extends DomainError {
  readonly code = 'identity.handle.invalid';
  readonly kind = 'invalid' as const;
  constructor(reason: string) {
    super(`The handle is not valid: ${reason}`);
  }
}

export class InvalidDisplayNameError extends DomainError {
  readonly code = 'identity.display-name.invalid';
  readonly kind = 'invalid' as const;
  constructor(reason: string) {
    super(`The display name is not valid: ${reason}`);
  }
}

export class EmailAlreadyTakenError extends DomainError {
  readonly code = 'identity.email.taken';
  readonly kind = 'conflict' as const;
  constructor() {
    super('An account with this email already exists');
  }
}

export class HandleAlreadyTakenError extends DomainError {
  readonly code = 'identity.handle.taken';
  readonly kind = 'conflict' as const;
  constructor(handle: string) {
    super(`The handle @${handle} is already taken`, { handle });
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'identity.user.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No such user');
  }
}

export class LastAdminError extends DomainError {
  readonly code = 'identity.roles.last-admin';
  readonly kind = 'rule-violated' as const;
  constructor() {
    super('The last admin cannot lose the admin role');
  }
}

export class EmailAlreadyVerifiedError extends DomainError {
  readonly code = 'identity.email.already-verified';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This email address is already verified');
  }
}

export class EmailAddressChangedError extends DomainError {
  readonly code = 'identity.email-verification.address-changed';
  readonly kind = 'invalid' as const;
  constructor() {
    super('This link was sent to an address the account no longer has; ask for a new one');
  }
}
