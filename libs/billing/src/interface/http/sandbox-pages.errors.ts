import { DomainError } from '@lib/platform/ddd';

export class SandboxPageNotFoundError extends DomainError {
  readonly code = 'billing.sandbox.not-found';
  readonly kind = 'not-found';

  constructor() {
    super('No such sandbox page');
  }
}

/** A checkout, portal, invoice or receipt link past its lifetime (like Stripe's, sandbox links do not last). */
export class SandboxLinkExpiredError extends DomainError {
  readonly code = 'billing.sandbox-link.expired';
  readonly kind = 'not-found';

  constructor(expiredAt: Date) {
    super('This sandbox link has expired; start again from the app', { expiredAt: expiredAt.toISOString() });
  }
}

/** Pay or Decline on a checkout that was already paid, declined or expired. */
export class SandboxCheckoutNotOpenError extends DomainError {
  readonly code = 'billing.sandbox-checkout.not-open';
  readonly kind = 'conflict';

  constructor(status: string) {
    super(`This checkout is ${status === 'complete' ? 'already paid' : 'closed'}; nothing was charged again`, {
      status,
    });
  }
}

/** A portal page or action without a valid one-time token: replayed, used by someone else, or never issued. */
export class SandboxPortalTokenInvalidError extends DomainError {
  readonly code = 'billing.sandbox-portal.token-invalid';
  readonly kind = 'forbidden';

  constructor() {
    super('This billing portal link was already used or is not yours; open the billing portal again from the app');
  }
}

/** A promotion code typed on the sandbox checkout page that the emulator refuses (unknown, expired, wrong plan). */
export class SandboxPromotionCodeInvalidError extends DomainError {
  readonly code = 'billing.sandbox-checkout.promotion-code-invalid';
  readonly kind = 'rule-violated';

  constructor(reason: string) {
    super(`This promotion code cannot be used: ${reason}`);
  }
}
