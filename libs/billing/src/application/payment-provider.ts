import type { BillingInterval, Plan } from '../domain/plan/plan.js';
import type { ProviderPrice } from '../domain/plan/provider-price.js';
import type { ProviderInvoiceState } from '../domain/payment/invoice.js';
import type { DisputeOutcome } from '../domain/payment/payment-dispute.js';
import type { SubscriptionStatus } from '../domain/subscription/subscription-status.js';

/** A subscription as the provider describes it, before it is mapped to one of our plans. */
export interface ProviderSubscription {
  providerSubscriptionId: string;
  providerCustomerId: string;
  status: SubscriptionStatus;
  providerPriceId: string;
  /** What the provider's price says about our plan, for prices not (yet) in our table. */
  priceHint: { planId: string | null; interval: BillingInterval; unitAmount: number; currency: string };
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  trialEnd: Date | null;
  cancellation: { reason: string | null; feedback: string | null; comment: string | null };
  metadata: Record<string, string>;
  /** Ids of the discounts in force on the subscription (Stripe removes an ended one). */
  discountIds: string[];
}

/** What a provider event means to billing, in the provider's-neutral words billing understands. */
export type BillingFact =
  | {
      kind: 'checkout-completed';
      sessionId: string;
      providerCustomerId: string;
      providerSubscriptionId: string | null;
      userId: string | null;
      metadata: Record<string, string>;
      /** The offer of a promotion code typed on the payment page (its coupon is `offer_<id>`), if any. */
      enteredOfferId?: string | null;
    }
  | { kind: 'checkout-expired'; sessionId: string }
  | { kind: 'subscription'; subscription: ProviderSubscription }
  | { kind: 'invoice'; invoice: ProviderInvoiceState; paymentFailed: boolean }
  | {
      kind: 'charge-refunded';
      providerPaymentId: string;
      providerCustomerId: string | null;
      amountRefunded: number;
      providerRefundId: string | null;
    }
  /** A dispute was opened or closed: which one, for the applier to read its current state (events come in any order). */
  | { kind: 'dispute'; providerPaymentId: string; disputeId: string };

/** A charge's dispute as the provider holds it now. */
export interface ProviderDispute {
  id: string;
  reason: string | null;
  createdAt: Date;
  outcome: DisputeOutcome;
}

/** A provider event after its signature was checked. */
export interface VerifiedProviderEvent {
  id: string;
  type: string;
  createdAt: Date;
  providerCustomerId: string | null;
  payload: Record<string, unknown>;
}

export interface ChangePreview {
  /** Charged now for an upgrade (prorated), 0 for a downgrade at period end. */
  amountDueNow: number;
  currency: string;
  lines: Array<{ description: string; amount: number; proration: boolean }>;
}

export type ProrationBehavior = 'always_invoice' | 'none';

/** An offer as the provider's coupon needs it. */
export interface OfferDiscountSpec {
  offerId: string;
  code: string;
  name: string;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths: number | null;
  /** Provider products the discount is limited to; empty: every product. */
  productIds: string[];
  redeemBy: Date | null;
  maxRedemptions: number | null;
}

/**
 * The payment processor as billing needs it (Stripe in production, and in local runs the built-in
 * Stripe emulator). Every call that creates something takes an idempotency key.
 */
export abstract class PaymentProvider {
  abstract readonly name: string;
  abstract createCustomer(
    input: { userId: string; email: string | null; name: string | null },
    idempotencyKey: string,
  ): Promise<string>;
  /** Makes the provider's product and prices match the plan; returns the product and any new prices. */
  abstract syncPlan(
    plan: Plan,
    known: ProviderPrice[],
  ): Promise<{ productId: string; created: ProviderPrice[]; deactivated: string[] }>;
  abstract createCheckoutSession(
    input: {
      providerCustomerId: string;
      userId: string;
      providerPriceId: string;
      trialDays: number;
      metadata: Record<string, string>;
      successUrl: string;
      cancelUrl: string;
      /** An offer's promotion code, applied to the subscription's invoices by the provider. */
      providerPromotionCodeId?: string | null;
    },
    idempotencyKey: string,
  ): Promise<{ sessionId: string; url: string }>;
  /**
   * Creates the provider's coupon and promotion code for a discount offer (`applies_to` the plans' products).
   * Idempotent per offer (`offer-coupon:/offer-code:<offerId>`).
   */
  abstract createOfferDiscount(offer: OfferDiscountSpec): Promise<{ couponId: string; promotionCodeId: string }>;
  /** Deactivates an offer's promotion code (archived): no new checkout can use it. */
  abstract deactivatePromotionCode(promotionCodeId: string, idempotencyKey: string): Promise<void>;
  abstract createPortalSession(providerCustomerId: string, returnUrl: string): Promise<string>;
  abstract retrieveSubscription(providerSubscriptionId: string): Promise<ProviderSubscription>;
  abstract previewPriceChange(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
  ): Promise<ChangePreview>;
  abstract changePrice(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  abstract scheduleCancellation(
    providerSubscriptionId: string,
    cancel: boolean,
    feedback: string | null,
    comment: string | null,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  abstract cancelNow(
    providerSubscriptionId: string,
    feedback: string | null,
    comment: string | null,
    idempotencyKey: string,
  ): Promise<ProviderSubscription>;
  abstract pause(providerSubscriptionId: string, idempotencyKey: string): Promise<ProviderSubscription>;
  abstract resume(providerSubscriptionId: string, idempotencyKey: string): Promise<ProviderSubscription>;
  /**
   * Stops charging a subscription that cannot be paused (trialing, past due): its new invoices are
   * voided (Stripe's pause_collection, behavior void) and its open invoices are no longer retried
   * (auto_advance off; their debt stays).
   */
  abstract holdCollection(providerSubscriptionId: string, idempotencyKey: string): Promise<ProviderSubscription>;
  /** Undoes `holdCollection`: invoices are charged again and open ones retried. */
  abstract releaseCollection(providerSubscriptionId: string, idempotencyKey: string): Promise<ProviderSubscription>;
  abstract refund(
    input: { providerPaymentId: string; amount: number; reason: string | null; refundId: string },
    idempotencyKey: string,
  ): Promise<{ providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' }>;
  /** A dispute's current state (its status may have moved since the event that named it). */
  abstract retrieveDispute(disputeId: string): Promise<ProviderDispute>;
  /** The provider payment that settled an invoice (for refunds), if any. */
  abstract paymentOfInvoice(providerInvoiceId: string): Promise<string | null>;
  /** Checks a webhook's signature on the raw body; throws `InvalidWebhookSignatureError`. */
  abstract verifyWebhook(rawBody: Buffer, signature: string | undefined): VerifiedProviderEvent;
  /** What a stored event means; null for event types billing does not act on. */
  abstract interpret(event: { type: string; payload: Record<string, unknown> }): BillingFact | null;
}
