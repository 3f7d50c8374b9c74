import { DomainError } from '@lib/platform/ddd';

/** A checkout return URL outside the platform's own apps (APP_URL, APP_RETURN_ORIGINS). */
export class ReturnUrlNotAllowedError extends DomainError {
  readonly code = 'billing.return-url.not-allowed';
  readonly kind = 'invalid';
  constructor(field: string, reason: string) {
    super(`${field} must point to one of the platform's apps (${reason})`, { field });
  }
}
