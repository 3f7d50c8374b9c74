import { refuseUnconfigured } from './payment-provider.errors.js';
import { PaymentProvider } from './payment-provider.js';

const refuse = refuseUnconfigured;

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
  async createOfferDiscount(): Promise<never> {
    return refuse();
  }
  async deactivatePromotionCode(): Promise<never> {
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
  async holdCollection(): Promise<never> {
    return refuse();
  }
  async releaseCollection(): Promise<never> {
    return refuse();
  }
  async refund(): Promise<never> {
    return refuse();
  }
  async retrieveDispute(): Promise<never> {
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
