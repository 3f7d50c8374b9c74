import type Stripe from 'stripe';

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

/** What an event says about one of our one-off Checkout purchases (a tip, a gift). */
export type OneOffPaymentEvent =
  | { phase: 'checkout'; id: string; paymentIntentId: string | null; expired: boolean }
  | { phase: 'payment'; id: string | null; paymentIntentId: string };

/**
 * Reads a payment-mode Checkout purchase tagged `metadata.kind = kind` (its id in `metadata[idKey]`) from a
 * Checkout or payment event. Refunds and disputes are any charge's: whose payment it is, the applier decides.
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
  if (event.type === 'charge.refunded' || event.type === 'charge.dispute.created') {
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
