import type Stripe from 'stripe';
import type { ProviderInvoiceState, InvoiceStatus } from '../../domain/payment/invoice.js';
import { isSubscriptionStatus } from '../../domain/subscription/subscription-status.js';
import type { BillingFact, ProviderSubscription } from '../../application/payment-provider.js';

// The anti-corruption layer: Stripe's objects are read here and nowhere else.

const toDate = (seconds: number | null | undefined): Date | null => (seconds ? new Date(seconds * 1_000) : null);
const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

export function toProviderSubscription(subscription: Stripe.Subscription): ProviderSubscription {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${subscription.id} has no items`);
  const price = item.price;
  if (!isSubscriptionStatus(subscription.status)) throw new Error(`unknown subscription status ${subscription.status}`);
  return {
    providerSubscriptionId: subscription.id,
    providerCustomerId: idOf(subscription.customer)!,
    status: subscription.status,
    providerPriceId: price.id,
    priceHint: {
      planId: price.metadata?.planId ?? null,
      interval: price.recurring?.interval === 'year' ? 'year' : 'month',
      unitAmount: price.unit_amount ?? 0,
      currency: price.currency,
    },
    currentPeriodStart: toDate(item.current_period_start)!,
    currentPeriodEnd: toDate(item.current_period_end)!,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: toDate(subscription.canceled_at),
    endedAt: toDate(subscription.ended_at),
    trialEnd: toDate(subscription.trial_end),
    cancellation: {
      reason: subscription.cancellation_details?.reason ?? null,
      feedback: subscription.cancellation_details?.feedback ?? null,
      comment: subscription.cancellation_details?.comment ?? null,
    },
    metadata: { ...(subscription.metadata ?? {}) },
    discountIds: (subscription.discounts ?? []).map((discount) => idOf(discount)!),
  };
}

export function toInvoiceState(invoice: Stripe.Invoice): ProviderInvoiceState {
  return {
    providerInvoiceId: invoice.id,
    providerCustomerId: idOf(invoice.customer)!,
    providerSubscriptionId: idOf(invoice.parent?.subscription_details?.subscription),
    number: invoice.number ?? null,
    status: (invoice.status ?? 'draft') as InvoiceStatus,
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    billingReason: invoice.billing_reason ?? null,
    periodStart: toDate(invoice.period_start),
    periodEnd: toDate(invoice.period_end),
    hostedUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
    attemptCount: invoice.attempt_count ?? 0,
    nextPaymentAttempt: toDate(invoice.next_payment_attempt),
    paidAt: toDate(invoice.status_transitions?.paid_at),
    createdAt: toDate(invoice.created)!,
  };
}

/** The customer an event concerns (for linking unresolved events once the customer is known). */
export function customerOf(object: Record<string, unknown>): string | null {
  if (object.object === 'customer') return String(object.id);
  return idOf(object.customer as string | { id: string } | null | undefined);
}

/** The offer behind a session's discount, when its coupon is one of ours (`offer_<id>`, see createOfferDiscount). */
function offerOfSessionDiscount(session: Stripe.Checkout.Session): string | null {
  const [discount] = (session.discounts ?? []) as Array<{ coupon?: string | { id: string } | null }>;
  const couponId = idOf(discount?.coupon ?? null);
  return couponId?.startsWith('offer_') ? couponId.slice('offer_'.length) : null;
}

/** What a Stripe event means to billing; null for types billing does not act on. */
export function interpretStripeEvent(type: string, object: Record<string, unknown>): BillingFact | null {
  switch (type) {
    case 'checkout.session.completed': {
      const session = object as unknown as Stripe.Checkout.Session;
      if (session.mode !== 'subscription') return null;
      return {
        kind: 'checkout-completed',
        sessionId: session.id,
        providerCustomerId: idOf(session.customer)!,
        providerSubscriptionId: idOf(session.subscription),
        userId: session.client_reference_id ?? session.metadata?.userId ?? null,
        metadata: { ...(session.metadata ?? {}) },
        enteredOfferId: offerOfSessionDiscount(session),
      };
    }
    case 'checkout.session.expired':
      return { kind: 'checkout-expired', sessionId: String(object.id) };
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed':
    case 'customer.subscription.trial_will_end':
      return { kind: 'subscription', subscription: toProviderSubscription(object as unknown as Stripe.Subscription) };
    case 'invoice.created':
    case 'invoice.finalized':
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
    case 'invoice.updated':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
      return { kind: 'invoice', invoice: toInvoiceState(object as unknown as Stripe.Invoice), paymentFailed: false };
    case 'invoice.payment_failed':
      return { kind: 'invoice', invoice: toInvoiceState(object as unknown as Stripe.Invoice), paymentFailed: true };
    case 'charge.refunded': {
      const charge = object as unknown as Stripe.Charge;
      const paymentIntent = idOf(charge.payment_intent);
      if (!paymentIntent) return null;
      const refunds = (charge as { refunds?: { data?: Array<{ id: string; created: number }> } }).refunds?.data ?? [];
      const latest = [...refunds].sort((a, b) => b.created - a.created)[0];
      return {
        kind: 'charge-refunded',
        providerPaymentId: paymentIntent,
        providerCustomerId: idOf(charge.customer),
        amountRefunded: charge.amount_refunded,
        providerRefundId: latest?.id ?? null,
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const dispute = object as unknown as Stripe.Dispute;
      const paymentIntent = idOf(dispute.payment_intent);
      if (!paymentIntent) return null;
      return { kind: 'dispute', providerPaymentId: paymentIntent, disputeId: dispute.id };
    }
    default:
      return null;
  }
}
