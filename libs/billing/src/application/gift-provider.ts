import type { ProviderGiftPayment } from '../domain/gifts/gift.js';

/** What a provider event means to gifts. */
export type GiftFact =
  | { kind: 'gift-checkout'; giftId: string; paymentIntentId: string | null; expired: boolean }
  | { kind: 'gift-payment'; giftId: string | null; paymentIntentId: string };

/**
 * Gift purchases on the payment provider (the real Stripe or the sandbox's emulator): a one-off payment-mode
 * Checkout, the payment's state read back, and refunds. Creates take idempotency keys.
 */
export abstract class GiftProvider {
  abstract createGiftCheckout(
    input: {
      giftId: string;
      buyerId: string;
      planId: string;
      description: string;
      amount: number;
      currency: string;
      successUrl: string;
      cancelUrl: string;
    },
    idempotencyKey: string,
  ): Promise<{ sessionId: string; url: string }>;
  abstract retrieveGiftPayment(paymentIntentId: string): Promise<ProviderGiftPayment>;
  abstract refundGiftPayment(paymentIntentId: string, idempotencyKey: string): Promise<void>;
  /** What a stored event means to gifts; null for anything else. */
  abstract interpret(event: { type: string; payload: Record<string, unknown> }): GiftFact | null;
}
