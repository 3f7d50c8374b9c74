import { DomainError } from '@lib/platform/ddd';

export class SandboxPageNotFoundError extends DomainError {
  readonly code = 'billing.sandbox.not-found';
  readonly kind = 'not-found';

  constructor() {
    super('No such sandbox page');
  }
}

/** Pay or Decline on a checkout that was already paid, declined or expired. */
export class SandboxCheckoutNotOpenError extends DomainError {
  readonly code = 'billing.sandbox-checkout.not-open';
  readonly kind = 'conflict';

  constructor(status: string) {
    super(`This checkout is ${status === 'complete' ? 'already paid' : 'closed'}; nothing was charged again`, { status });
  }
}
