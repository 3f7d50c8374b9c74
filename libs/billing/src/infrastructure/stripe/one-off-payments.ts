import type Stripe from 'stripe';
import type { DisputeOutcome, PaymentDispute } from '../../domain/payment/payment-dispute.js';

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

/** What an event says about one of our one-off Checkout purchases (a tip, a gift). */
export type OneOffPaymentEvent =
  | { phase: 'checkout'; id: string; paymentIntentId: string | null; expired: boolean }
  | { phase: 'payment'; id: string | null; paymentIntentId: string };

/**
 * Reads a payment-mode Checkout purchase tagged `metadata.kind = kind` (its id in `metadata[idKey]`) from a
 * Checkout or payment event. Refunds and disputes (opened or closed) are any charge's: whose payment it is, the
 * applier decides.
 */
export function oneOffPaymentEvent(
  event: { type: string; payload: Record<string, unknown> },
  kind: string,
  idKey: string,
): OneOffPaymentEvent | null {
  const object = (event.payload.data as { object?: Record<string, unknown> } | undefined)?.object;
  if (!object) return null;
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.expired') {
    const session = object as unknown as Stripe.Checkout.Session;
    const id = session.metadata?.[idKey];
    if (session.mode !== 'payment' || session.metadata?.kind !== kind || !id) return null;
    return {
      phase: 'checkout',
      id,
      paymentIntentId: idOf(session.payment_intent),
      expired: event.type === 'checkout.session.expired',
    };
  }
  if (event.type === 'payment_intent.succeeded') {
    const intent = object as unknown as Stripe.PaymentIntent;
    if (intent.metadata?.kind !== kind) return null;
    return { phase: 'payment', id: intent.metadata[idKey] ?? null, paymentIntentId: intent.id };
  }
  if (
    event.type === 'charge.refunded' ||
    event.type === 'charge.dispute.created' ||
    event.type === 'charge.dispute.closed'
  ) {
    const paymentIntentId = idOf(object.payment_intent as string | null);
    if (!paymentIntentId) return null;
    return {
      phase: 'payment',
      id: (object.metadata as Record<string, string> | undefined)?.[idKey] ?? null,
      paymentIntentId,
    };
  }
  return null;
}

/** Stripe's dispute statuses in our words: inquiries and chargebacks under way are open; prevented ones won. */
export function outcomeOf(status: Stripe.Dispute.Status): DisputeOutcome {
  if (status === 'won' || status === 'warning_closed' || status === 'prevented') return 'won';
  return status === 'lost' ? 'lost' : 'open';
}

/** The dispute of a payment's charge as Stripe has it now (one per charge), read only when the charge is disputed. */
export async function disputeOf(stripe: Stripe, charge: Stripe.Charge | null): Promise<PaymentDispute | null> {
  if (!charge?.disputed) return null;
  const [dispute] = (await stripe.disputes.list({ charge: charge.id, limit: 1 })).data;
  return dispute ? { outcome: outcomeOf(dispute.status), amount: dispute.amount } : null;
}
