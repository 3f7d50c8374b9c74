import Stripe from 'stripe';
import { GiftProvider, type GiftFact } from '../../application/gift-provider.js';
import { refuseUnconfigured } from '../../application/payment-provider.errors.js';
import type { ProviderGiftPayment } from '../../domain/gifts/gift.js';
import { disputeOf, oneOffPaymentEvent } from './one-off-payments.js';
import type { StripeConnection } from './stripe-payment-provider.js';

/** Gift purchases on Stripe (or the sandbox's emulator): payment-mode Checkout with `metadata.kind = gift`. */
export class StripeGiftProvider extends GiftProvider {
  private readonly stripe: Stripe;

  constructor(connection: Omit<StripeConnection, 'webhookSecret' | 'webhookToleranceSeconds'>) {
    super();
    this.stripe = new Stripe(connection.secretKey, {
      host: connection.host,
      port: connection.port,
      protocol: connection.protocol,
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'Showrunner' },
    });
  }

  async createGiftCheckout(input: Parameters<GiftProvider['createGiftCheckout']>[0], idempotencyKey: string) {
    const metadata = { kind: 'gift', giftId: input.giftId, buyerId: input.buyerId, planId: input.planId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: input.buyerId,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: input.currency,
              unit_amount: input.amount,
              product_data: { name: input.description },
            },
          },
        ],
        payment_intent_data: { metadata, description: input.description },
        metadata,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
      },
      { idempotencyKey },
    );
    return { sessionId: session.id, url: session.url! };
  }

  async retrieveGiftPayment(paymentIntentId: string): Promise<ProviderGiftPayment> {
    const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
    const charge = intent.latest_charge as Stripe.Charge | null;
    return {
      paymentIntentId: intent.id,
      giftId: intent.metadata?.giftId ?? null,
      succeeded: intent.status === 'succeeded',
      amount: intent.amount,
      currency: intent.currency,
      amountRefunded: charge?.amount_refunded ?? 0,
      dispute: await disputeOf(this.stripe, charge),
    };
  }

  async refundGiftPayment(paymentIntentId: string, idempotencyKey: string) {
    await this.stripe.refunds.create(
      { payment_intent: paymentIntentId, reason: 'requested_by_customer', metadata: { kind: 'gift' } },
      { idempotencyKey },
    );
  }

  interpret(event: { type: string; payload: Record<string, unknown> }): GiftFact | null {
    const purchase = oneOffPaymentEvent(event, 'gift', 'giftId');
    if (!purchase) return null;
    return purchase.phase === 'checkout'
      ? {
          kind: 'gift-checkout',
          giftId: purchase.id,
          paymentIntentId: purchase.paymentIntentId,
          expired: purchase.expired,
        }
      : { kind: 'gift-payment', giftId: purchase.id, paymentIntentId: purchase.paymentIntentId };
  }
}

const refuse = refuseUnconfigured;

/** Production without Stripe keys: no gifts. */
export class UnavailableGiftProvider extends GiftProvider {
  createGiftCheckout = refuse;
  retrieveGiftPayment = refuse;
  refundGiftPayment = refuse;
  interpret(): null {
    return null;
  }
}
