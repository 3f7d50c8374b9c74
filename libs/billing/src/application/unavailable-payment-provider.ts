import { DomainError } from '@lib/platform/ddd';
import { PaymentProvider } from './payment-provider.js';

export class PaymentProviderNotConfiguredError extends DomainError {
  readonly code = 'billing.provider.not-configured';
  readonly kind = 'conflict';
  constructor() {
    super('Payments are not set up on this server (STRIPE_SECRET_KEY is not configured)');
  }
}

const refuse = (): never => {
  throw new PaymentProviderNotConfiguredError();
};

/** Production without Stripe keys: plans and entitlements work, anything that needs a payment is refused. */
export class UnavailablePaymentProvider extends PaymentProvider {
  readonly name = 'none';
  async createCustomer(): Promise<never> {
    return refuse();
  }
  async syncPlan(): Promise<never> {
    return refuse();
  }
  async createCheckoutSession(): Promise<never> {
    return refuse();
  }
  async createPortalSession(): Promise<never> {
    return refuse();
  }
  async retrieveSubscription(): Promise<never> {
    return refuse();
  }
  async previewPriceChange(): Promise<never> {
    return refuse();
  }
  async changePrice(): Promise<never> {
    return refuse();
  }
  async scheduleCancellation(): Promise<never> {
    return refuse();
  }
  async cancelNow(): Promise<never> {
    return refuse();
  }
  async pause(): Promise<never> {
    return refuse();
  }
  async resume(): Promise<never> {
    return refuse();
  }
  async refund(): Promise<never> {
    return refuse();
  }
  async paymentOfInvoice(): Promise<never> {
    return refuse();
  }
  verifyWebhook(): never {
    return refuse();
  }
  interpret() {
    return null;
  }
}
