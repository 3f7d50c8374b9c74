/** What Checkout Sessions share in both modes (subscription, payment): their opening parameters, and their completion. */
import { createCustomer } from './catalog.js';
import { invalidRequest } from './errors.js';
import { buildCheckoutSession, type CheckoutSessionObject, type CustomerObject } from './objects/index.js';
import {
  mergeMetadata,
  metadataParam,
  nullableString,
  optionalInteger,
  optionalString,
  type Params,
} from './params.js';
import type { Transaction } from './transaction.js';

const HOUR = 3_600;

/** The `customer` parameter: an existing customer's id, or null (Checkout then creates one on payment). */
export async function readSessionCustomer(tx: Transaction, params: Params): Promise<string | null> {
  const customerId = optionalString(params, 'customer');
  if (customerId) await tx.require<CustomerObject>(customerId, 'customer', 'customer');
  return customerId ?? null;
}

/** A line item's `quantity` (1 when absent); `param` names it in errors. */
export function readQuantity(item: Params, param: string): number {
  const quantity = optionalInteger(item, 'quantity', param) ?? 1;
  if (quantity < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param });
  return quantity;
}

/** A new open session from the parameters both modes read alike; the mode's own reading gives the rest. */
export function openCheckoutSession(
  tx: Transaction,
  params: Params,
  own: { customer: string | null; allowPromotionCodes: boolean | null; amountTotal: number; currency: string },
): CheckoutSessionObject {
  const id = tx.id('cs_test');
  return buildCheckoutSession({
    id,
    now: tx.now,
    url: tx.urls.checkout(id),
    customer: own.customer,
    customerEmail: own.customer ? null : (nullableString(params, 'customer_email') ?? null),
    clientReferenceId: nullableString(params, 'client_reference_id') ?? null,
    metadata: mergeMetadata({}, metadataParam(params)),
    successUrl: nullableString(params, 'success_url') ?? null,
    cancelUrl: nullableString(params, 'cancel_url') ?? null,
    allowPromotionCodes: own.allowPromotionCodes,
    amountTotal: own.amountTotal,
    currency: own.currency,
    expiresAt: readExpiry(tx, params),
  });
}

function readExpiry(tx: Transaction, params: Params): number {
  const expiresAt = optionalInteger(params, 'expires_at');
  if (expiresAt === undefined) return tx.now + 24 * HOUR;
  if (expiresAt < tx.now + HOUR / 2 || expiresAt > tx.now + 24 * HOUR) {
    throw invalidRequest(
      'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      { param: 'expires_at' },
    );
  }
  return expiresAt;
}

/** Who pays a session: its customer, or a new one with the email it was opened with. */
export async function payingCustomer(tx: Transaction, session: CheckoutSessionObject): Promise<CustomerObject> {
  return session.customer
    ? await tx.require<CustomerObject>(session.customer, 'customer')
    : createCustomer(tx, { email: session.customer_email ?? undefined });
}

/** Completes the session for `customer` with what the payment made, then checkout.session.completed. */
export function completeSession(
  tx: Transaction,
  session: CheckoutSessionObject,
  customer: CustomerObject,
  outcome: { payment_status: 'paid' | 'no_payment_required' } & Partial<CheckoutSessionObject>,
): CheckoutSessionObject {
  const { payment_status, ...made } = outcome;
  Object.assign(session, {
    status: 'complete',
    payment_status,
    customer: customer.id,
    customer_details: {
      address: null,
      email: customer.email,
      name: customer.name,
      phone: null,
      tax_exempt: 'none',
      tax_ids: [],
    },
    ...made,
  });
  tx.put(session);
  tx.emit('checkout.session.completed', session);
  return session;
}
