import { DomainError } from '@lib/platform/ddd';

export class InvalidCredentialsError extends DomainError {
  readonly code = 'identity.credentials.invalid';
  readonly kind = 'unauthenticated' as const;
  constructor() {
    // The same answer for an unknown email and a wrong password: no account enumeration.
    super('Email or password is incorrect');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(
    readonly code:
      | 'identity.refresh-token.invalid'
      | 'identity.refresh-token.expired'
      | 'identity.refresh-token.reused'
      | 'identity.session.ended',
    message: string,
  ) {
    super(message);
  }
}

export class WeakPasswordError extends DomainError {
  readonly code = 'identity.password.weak';
  readonly kind = 'invalid' as const;
  constructor(reason: string) {
    super(`The password is too weak: ${reason}`);
  }
}
