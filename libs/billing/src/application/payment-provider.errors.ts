import { DomainError } from '@lib/platform/ddd';

export class PaymentProviderNotConfiguredError extends DomainError {
  readonly code = 'billing.provider.not-configured';
  readonly kind = 'conflict';
  constructor() {
    super('Payments are not set up on this server (STRIPE_SECRET_KEY is not configured)');
  }
}

/** What every operation of an unconfigured provider (no Stripe keys) does. */
export const refuseUnconfigured = (): never => {
  throw new PaymentProviderNotConfiguredError();
};
