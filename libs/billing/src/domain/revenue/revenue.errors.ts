import { DomainError } from '@lib/platform/ddd';

/** A revenue report was asked for an empty, reversed, unreadable or too finely divided date range. */
export class InvalidRevenueRangeError extends DomainError {
  readonly code = 'billing.metrics.invalid-range';
  readonly kind = 'invalid' as const;
}
