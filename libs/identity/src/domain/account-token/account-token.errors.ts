import { DomainError } from '@lib/platform/ddd';
import type { AccountTokenPurpose } from './account-token.js';

/**
 * A one-time link that cannot be used. A link made for another purpose, altered or unknown is
 * `invalid`: its holder learns nothing more than that.
 */
export class AccountTokenRejectedError extends DomainError {
  readonly kind = 'invalid' as const;
  readonly code:
    | 'identity.email-verification.invalid'
    | 'identity.email-verification.expired'
    | 'identity.email-verification.used'
    | 'identity.password-reset.invalid'
    | 'identity.password-reset.expired'
    | 'identity.password-reset.used';

  constructor(purpose: AccountTokenPurpose, reason: 'invalid' | 'expired' | 'used') {
    super(MESSAGES[reason]);
    this.code = `identity.${purpose}.${reason}`;
  }
}

const MESSAGES = {
  invalid: 'This link is not valid',
  expired: 'This link has expired; ask for a new one',
  used: 'This link has already been used; ask for a new one',
};
