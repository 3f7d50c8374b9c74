import { DomainError } from '@lib/platform/ddd';

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated' as const;
  constructor(
    readonly code: string = 'auth.unauthenticated',
    message = 'Authentication is required',
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class RateLimitedError extends DomainError {
  readonly kind = 'rate-limited' as const;
  constructor(
    readonly code: string,
    message: string,
    details: { limit: number; windowSeconds: number; retryAfterSeconds: number },
  ) {
    super(message, details);
  }
}
