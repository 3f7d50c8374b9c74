import Stripe from 'stripe';
import type { Plan } from '../../domain/plan/plan.js';
import { BILLING_INTERVALS } from '../../domain/plan/plan.js';
import { ProviderPrice } from '../../domain/plan/provider-price.js';
import {
  PaymentProvider,
  type ChangePreview,
  type OfferDiscountSpec,
  type ProrationBehavior,
  type ProviderDispute,
  type ProviderSubscription,
  type VerifiedProviderEvent,
} from '../../application/payment-provider.js';
import { InvalidWebhookSignatureError } from '../../domain/webhook/webhook-event.errors.js';
import { outcomeOf } from './one-off-payments.js';
import { customerOf, interpretStripeEvent, toProviderSubscription } from './stripe-translation.js';

export interface StripeConnection {
  secretKey: string;
  webhookSecret: string;
  webhookToleranceSeconds: number;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/** Billing's payment provider on Stripe's API (the real one, or the sandbox's emulator of it). */
export class StripePaymentProvider extends PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(private readonly connection: StripeConnection) {
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

  async createCustomer(
    input: { userId: string; email: string | null; name: string | null },
    idempotencyKey: string,
  ): Promise<string> {
    const customer = await this.stripe.customers.create(
      { email: input.email ?? undefined, name: input.name ?? undefined, metadata: { userId: input.userId } },
      { idempotencyKey },
    );
    return customer.id;
  }

  async syncPlan(plan: Plan, known: ProviderPrice[]) {
    const productFields = {
      name: plan.name,
      description: plan.description || undefined,
      active: !plan.isArchived,
      metadata: { planId: plan.id },
    };
    const productId = plan.providerProductId
      ? (await this.stripe.products.update(plan.providerProductId, productFields)).id
      : (await this.stripe.products.create(productFields, { idempotencyKey: `product:${plan.id}` })).id;
    const created: ProviderPrice[] = [];
    const deactivated: string[] = [];
    for (const interval of BILLING_INTERVALS) {
      const wanted = plan.prices[interval];
      const current = known.filter((price) => price.interval === interval && price.active);
      const matching = current.find(
        (price) => wanted && price.amount === wanted.amount && price.currency === wanted.currency,
      );
      for (const stale of current.filter((price) => price !== matching)) {
        await this.stripe.prices.update(stale.providerPriceId, { active: false });
        deactivated.push(stale.providerPriceId);
      }
      if (!wanted || wanted.amount === 0 || matching) continue;
      const price = await this.stripe.prices.create(
        {
          product: productId,
          unit_amount: wanted.amount,
          currency: wanted.currency,
          recurring: { interval },
          metadata: { planId: plan.id, interval },
          nickname: `${plan.name} (${interval}ly)`,
        },
        { idempotencyKey: `price:${plan.id}:${interval}:${wanted.currency}:${wanted.amount}` },
      );
      created.push(new ProviderPrice(price.id, plan.id, interval, wanted.amount, wanted.currency, true));
    }
    return { productId, created, deactivated };
  }

  async createCheckoutSession(
    input: {
      providerCustomerId: string;
      userId: string;
      providerPriceId: string;
      trialDays: number;
      metadata: Record<string, string>;
      successUrl: string;
      cancelUrl: string;
      providerPromotionCodeId?: string | null;
    },
    idempotencyKey: string,
  ) {
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'subscription',
        customer: input.providerCustomerId,
        client_reference_id: input.userId,
        line_items: [{ price: input.providerPriceId, quantity: 1 }],
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        metadata: input.metadata,
        subscription_data: {
          metadata: input.metadata,
          ...(input.trialDays > 0 ? { trial_period_days: input.trialDays } : {}),
        },
        // Without an offer chosen in our app, the payment page takes a promotion code (Stripe forbids both at once).
        ...(input.providerPromotionCodeId
          ? { discounts: [{ promotion_code: input.providerPromotionCodeId }] }
          : { allow_promotion_codes: true }),
      },
      { idempotencyKey },
    );
    return { sessionId: session.id, url: session.url! };
  }

  async createOfferDiscount(offer: OfferDiscountSpec): Promise<{ couponId: string; promotionCodeId: string }> {
    const redeemBy = offer.redeemBy ? Math.floor(offer.redeemBy.getTime() / 1000) : undefined;
    const coupon = await this.stripe.coupons.create(
      {
        id: `offer_${offer.offerId}`,
        name: offer.name.slice(0, 40),
        duration: offer.duration,
        ...(offer.duration === 'repeating' ? { duration_in_months: offer.durationInMonths! } : {}),
        ...(offer.percentOff !== null
          ? { percent_off: offer.percentOff }
          : { amount_off: offer.amountOff!, currency: offer.currency! }),
        ...(offer.productIds.length ? { applies_to: { products: offer.productIds } } : {}),
        ...(redeemBy ? { redeem_by: redeemBy } : {}),
        ...(offer.maxRedemptions !== null ? { max_redemptions: offer.maxRedemptions } : {}),
        metadata: { offerId: offer.offerId },
      },
      { idempotencyKey: `offer-coupon:${offer.offerId}` },
    );
    const promotionCode = await this.stripe.promotionCodes.create(
      {
        promotion: { type: 'coupon', coupon: coupon.id },
        code: offer.code,
        ...(redeemBy ? { expires_at: redeemBy } : {}),
        ...(offer.maxRedemptions !== null ? { max_redemptions: offer.maxRedemptions } : {}),
        metadata: { offerId: offer.offerId },
      },
      { idempotencyKey: `offer-code:${offer.offerId}` },
    );
    return { couponId: coupon.id, promotionCodeId: promotionCode.id };
  }

  async deactivatePromotionCode(promotionCodeId: string, idempotencyKey: string): Promise<void> {
    await this.stripe.promotionCodes.update(promotionCodeId, { active: false }, { idempotencyKey });
  }

  async createPortalSession(providerCustomerId: string, returnUrl: string): Promise<string> {
    return (await this.stripe.billingPortal.sessions.create({ customer: providerCustomerId, return_url: returnUrl }))
      .url;
  }

  async retrieveSubscription(providerSubscriptionId: string): Promise<ProviderSubscription> {
    return toProviderSubscription(await this.stripe.subscriptions.retrieve(providerSubscriptionId));
  }

  async previewPriceChange(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
  ): Promise<ChangePreview> {
    const subscription = await this.stripe.subscriptions.retrieve(providerSubscriptionId);
    if (proration === 'none') {
      // A downgrade charges nothing now; the next renewal bills the new price.
      const price = await this.stripe.prices.retrieve(providerPriceId);
      return {
        amountDueNow: 0,
        currency: price.currency,
        lines: [
          {
            description: `From the next period: ${price.nickname ?? price.id}`,
            amount: price.unit_amount ?? 0,
            proration: false,
          },
        ],
      };
    }
    const preview = await this.stripe.invoices.createPreview({
      customer: typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
      subscription: providerSubscriptionId,
      subscription_details: {
        items: [{ id: subscription.items.data[0].id, price: providerPriceId }],
        proration_behavior: proration,
      },
    });
    return {
      amountDueNow: preview.amount_due,
      currency: preview.currency,
      lines: preview.lines.data.map((line) => ({
        description: line.description ?? '',
        amount: line.amount,
        proration: Boolean(line.parent?.subscription_item_details?.proration),
      })),
    };
  }

  async changePrice(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
    idempotencyKey: string,
  ) {
    const subscription = await this.stripe.subscriptions.retrieve(providerSubscriptionId);
    const updated = await this.stripe.subscriptions.update(
      providerSubscriptionId,
      { items: [{ id: subscription.items.data[0].id, price: providerPriceId }], proration_behavior: proration },
      { idempotencyKey },
    );
    return toProviderSubscription(updated);
  }

  async scheduleCancellation(
    providerSubscriptionId: string,
    cancel: boolean,
    feedback: string | null,
    comment: string | null,
    idempotencyKey: string,
  ) {
    const updated = await this.stripe.subscriptions.update(
      providerSubscriptionId,
      {
        cancel_at_period_end: cancel,
        ...(cancel
          ? {
              cancellation_details: {
                feedback: (feedback ?? undefined) as Stripe.SubscriptionUpdateParams.CancellationDetails.Feedback,
                comment: comment ?? undefined,
              },
            }
          : {}),
      },
      { idempotencyKey },
    );
    return toProviderSubscription(updated);
  }

  async cancelNow(
    providerSubscriptionId: string,
    feedback: string | null,
    comment: string | null,
    idempotencyKey: string,
  ) {
    const canceled = await this.stripe.subscriptions.cancel(
      providerSubscriptionId,
      {
        cancellation_details: {
          feedback: (feedback ?? undefined) as Stripe.SubscriptionCancelParams.CancellationDetails.Feedback,
          comment: comment ?? undefined,
        },
      },
      { idempotencyKey },
    );
    return toProviderSubscription(canceled);
  }

  async pause(providerSubscriptionId: string, idempotencyKey: string) {
    return toProviderSubscription(
      await this.stripe.subscriptions.pause(providerSubscriptionId, {}, { idempotencyKey }),
    );
  }

  async resume(providerSubscriptionId: string, idempotencyKey: string) {
    return toProviderSubscription(
      await this.stripe.subscriptions.resume(providerSubscriptionId, {}, { idempotencyKey }),
    );
  }

  async holdCollection(providerSubscriptionId: string, idempotencyKey: string) {
    await this.setAutoAdvance(providerSubscriptionId, false, idempotencyKey);
    return toProviderSubscription(
      await this.stripe.subscriptions.update(
        providerSubscriptionId,
        { pause_collection: { behavior: 'void' } },
        { idempotencyKey },
      ),
    );
  }

  async releaseCollection(providerSubscriptionId: string, idempotencyKey: string) {
    const released = await this.stripe.subscriptions.update(
      providerSubscriptionId,
      { pause_collection: '' },
      { idempotencyKey },
    );
    await this.setAutoAdvance(providerSubscriptionId, true, idempotencyKey);
    return toProviderSubscription(released);
  }

  /** Invoices finalized before a pause keep being retried unless their automatic collection is turned off. */
  private async setAutoAdvance(providerSubscriptionId: string, autoAdvance: boolean, idempotencyKey: string) {
    const open = await this.stripe.invoices.list({ subscription: providerSubscriptionId, status: 'open', limit: 100 });
    for (const invoice of open.data) {
      if (invoice.auto_advance === autoAdvance) continue;
      await this.stripe.invoices.update(
        invoice.id,
        { auto_advance: autoAdvance },
        { idempotencyKey: `${idempotencyKey}:${invoice.id}` },
      );
    }
  }

  async refund(
    input: { providerPaymentId: string; amount: number; reason: string | null; refundId: string },
    idempotencyKey: string,
  ) {
    const refund = await this.stripe.refunds.create(
      {
        payment_intent: input.providerPaymentId,
        amount: input.amount,
        reason: input.reason ?? undefined,
        metadata: { refundId: input.refundId },
      },
      { idempotencyKey },
    );
    const status: 'succeeded' | 'pending' | 'failed' =
      refund.status === 'succeeded'
        ? 'succeeded'
        : refund.status === 'failed' || refund.status === 'canceled'
          ? 'failed'
          : 'pending';
    return { providerRefundId: refund.id, status };
  }

  async retrieveDispute(disputeId: string): Promise<ProviderDispute> {
    const dispute = await this.stripe.disputes.retrieve(disputeId);
    return {
      id: dispute.id,
      reason: dispute.reason ?? null,
      createdAt: new Date(dispute.created * 1_000),
      outcome: outcomeOf(dispute.status),
    };
  }

  async paymentOfInvoice(providerInvoiceId: string): Promise<string | null> {
    const payments = await this.stripe.invoicePayments.list({ invoice: providerInvoiceId, limit: 10 });
    const paid = payments.data.find((payment) => payment.status === 'paid') ?? payments.data[0];
    const intent = paid?.payment.payment_intent;
    return intent ? (typeof intent === 'string' ? intent : intent.id) : null;
  }

  verifyWebhook(rawBody: Buffer, signature: string | undefined): VerifiedProviderEvent {
    if (!signature) throw new InvalidWebhookSignatureError('The Stripe-Signature header is missing');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.connection.webhookSecret,
        this.connection.webhookToleranceSeconds,
      );
    } catch (error) {
      throw new InvalidWebhookSignatureError(`The webhook signature does not verify: ${(error as Error).message}`);
    }
    const object = event.data.object as unknown as Record<string, unknown>;
    return {
      id: event.id,
      type: event.type,
      createdAt: new Date(event.created * 1_000),
      providerCustomerId: customerOf(object),
      payload: event as unknown as Record<string, unknown>,
    };
  }

  interpret(event: { type: string; payload: Record<string, unknown> }) {
    const object = (event.payload.data as { object?: Record<string, unknown> } | undefined)?.object;
    return object ? interpretStripeEvent(event.type, object) : null;
  }
}
