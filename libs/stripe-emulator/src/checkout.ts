/** Checkout Sessions (subscription mode), their completion on the sandbox page, and billing portal sessions. */
import { sameTerms } from './billing-math.js';
import { requireSubscribablePrice } from './catalog.js';
import {
  completeSession,
  openCheckoutSession,
  payingCustomer,
  readQuantity,
  readSessionCustomer,
} from './checkout-session.js';
import { discountForEnteredCode, readCheckoutDiscount, sessionDiscount, showOnSession } from './coupons.js';
import { invalidRequest, missingParam } from './errors.js';
import {
  buildPortalSession,
  type CheckoutDetails,
  type CheckoutSessionObject,
  type CustomerObject,
  type PortalSessionObject,
  type RecurringPrice,
} from './objects/index.js';
import {
  asParams,
  hashParam,
  listParam,
  mergeMetadata,
  metadataParam,
  nullableString,
  optionalBoolean,
  optionalInteger,
  requiredString,
  type Params,
} from './params.js';
import { completePaymentCheckout, createPaymentCheckoutSession } from './payment-checkout.js';
import { subscribe } from './subscriptions.js';
import type { Transaction } from './transaction.js';

const MAX_TRIAL_DAYS = 730;

export type CheckoutOutcome = 'pay' | 'decline';

/** What the customer types on the Checkout page: a promotion code, when the session allows them. */
export interface CheckoutPageInput {
  promotionCode?: string;
}

function detailsId(sessionId: string): string {
  return `emulator_checkout_details_${sessionId}`;
}

/** POST /v1/checkout/sessions */
export async function createCheckoutSession(tx: Transaction, params: Params): Promise<CheckoutSessionObject> {
  const mode = requiredString(params, 'mode');
  if (mode === 'payment') return createPaymentCheckoutSession(tx, params);
  if (mode !== 'subscription')
    throw invalidRequest('The Stripe emulator supports Checkout in mode=subscription or payment only.', {
      param: 'mode',
    });
  const customerId = await readSessionCustomer(tx, params);
  const lineItems = await readLineItems(tx, params);
  const subscriptionData = hashParam(params, 'subscription_data');
  const trialDays =
    optionalInteger(subscriptionData, 'trial_period_days', 'subscription_data[trial_period_days]') ?? null;
  if (trialDays !== null && (trialDays < 1 || trialDays > MAX_TRIAL_DAYS)) {
    throw invalidRequest(`subscription_data[trial_period_days] must be between 1 and ${MAX_TRIAL_DAYS}.`, {
      param: 'subscription_data[trial_period_days]',
    });
  }
  const amount = trialDays ? 0 : lineItems.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
  const session = openCheckoutSession(tx, params, {
    customer: customerId,
    allowPromotionCodes: optionalBoolean(params, 'allow_promotion_codes') ?? null,
    amountTotal: amount,
    currency: lineItems[0].price.currency,
  });
  const discount = await readCheckoutDiscount(tx, params, { lineItems, customer: customerId, firstAmount: amount });
  if (discount) showOnSession(session, discount, amount);
  tx.put(session);
  tx.put<CheckoutDetails>({
    id: detailsId(session.id),
    object: 'emulator.checkout_details',
    line_items: lineItems.map((item) => ({ price: item.price.id, quantity: item.quantity })),
    subscription_data: {
      metadata: mergeMetadata({}, metadataParam(subscriptionData, 'metadata', 'subscription_data[metadata]')),
      trial_period_days: trialDays,
      description: nullableString(subscriptionData, 'description', 'subscription_data[description]') ?? null,
    },
  });
  return session;
}

async function readLineItems(
  tx: Transaction,
  params: Params,
): Promise<Array<{ price: RecurringPrice; quantity: number }>> {
  const entries = listParam(params, 'line_items');
  if (entries.length === 0) throw missingParam('line_items');
  const items: Array<{ price: RecurringPrice; quantity: number }> = [];
  for (const [index, entry] of entries.entries()) {
    const item = asParams(entry);
    const path = (key: string) => `line_items[${index}][${key}]`;
    const price = await requireSubscribablePrice(tx, requiredString(item, 'price', path('price')), path('price'));
    const quantity = readQuantity(item, path('quantity'));
    const first = items[0]?.price;
    if (first && (first.currency !== price.currency || !sameTerms(first.recurring, price.recurring))) {
      throw invalidRequest('All prices in a subscription Checkout Session must share currency and interval.', {
        param: path('price'),
      });
    }
    items.push({ price, quantity });
  }
  return items;
}

/**
 * The customer leaves the Checkout page. pay: the customer (created if the session had none), the subscription
 * and its paid first invoice appear, then checkout.session.completed. decline: the session expires.
 */
export async function completeCheckout(
  tx: Transaction,
  sessionId: string,
  outcome: CheckoutOutcome,
  options: CheckoutPageInput = {},
): Promise<CheckoutSessionObject> {
  const session = await tx.require<CheckoutSessionObject>(sessionId, 'checkout.session');
  if (session.status !== 'open')
    throw invalidRequest(`Checkout Session ${session.id} is ${session.status}; only open sessions can be completed.`);
  if (tx.now >= session.expires_at)
    throw invalidRequest(`Checkout Session ${session.id} expired at ${session.expires_at}.`);
  session.url = null; // Stripe only shows the URL of an open session
  if (outcome === 'decline') {
    session.status = 'expired';
    tx.put(session);
    tx.emit('checkout.session.expired', session);
    return session;
  }
  if (session.mode === 'payment') return completePaymentCheckout(tx, session);
  const details = await tx.require<CheckoutDetails>(detailsId(session.id), 'emulator.checkout_details');
  const customer = await payingCustomer(tx, session);
  const lineItems = await Promise.all(
    details.line_items.map(async (item) => ({
      price: await tx.require<RecurringPrice>(item.price, 'price'),
      quantity: item.quantity,
    })),
  );
  const purchase = {
    lineItems,
    customer: customer.id,
    firstAmount: details.subscription_data.trial_period_days ? 0 : session.amount_subtotal,
  };
  let discount = await sessionDiscount(tx, session, purchase);
  if (options.promotionCode) {
    if (session.allow_promotion_codes !== true)
      throw invalidRequest(`Checkout Session ${session.id} does not take promotion codes.`, {
        param: 'promotion_code',
      });
    discount = await discountForEnteredCode(tx, options.promotionCode, purchase);
    showOnSession(session, discount, purchase.firstAmount);
  }
  const { subscription, invoice } = await subscribe(tx, {
    customer,
    lineItems,
    metadata: details.subscription_data.metadata,
    trialPeriodDays: details.subscription_data.trial_period_days,
    description: details.subscription_data.description,
    discount: discount ? { ...discount, checkoutSession: session.id } : null,
  });
  return completeSession(tx, session, customer, {
    payment_status: invoice.amount_paid > 0 ? 'paid' : 'no_payment_required',
    subscription: subscription.id,
    invoice: invoice.id,
  });
}

/** POST /v1/billing_portal/sessions */
export async function createPortalSession(tx: Transaction, params: Params): Promise<PortalSessionObject> {
  const customer = await tx.require<CustomerObject>(requiredString(params, 'customer'), 'customer', 'customer');
  const id = tx.id('bps');
  const session = buildPortalSession({
    id,
    now: tx.now,
    customer: customer.id,
    returnUrl: nullableString(params, 'return_url') ?? null,
    url: tx.urls.portal(id),
  });
  tx.put(session);
  tx.emit('billing_portal.session.created', session);
  return session;
}
