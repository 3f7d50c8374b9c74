import { DomainError } from '@lib/platform/ddd';

export class ModeratedAccountNotFoundError extends DomainError {
  readonly code = 'trust-safety.account.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('There is no such account');
  }
}
