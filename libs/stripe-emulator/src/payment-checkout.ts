/** Checkout Sessions in mode=payment: one-off payments from `price_data` line items, optionally destination charges. */
import {
  completeSession,
  openCheckoutSession,
  payingCustomer,
  readQuantity,
  readSessionCustomer,
} from './checkout-session.js';
import { requireTransferableAccount, settleDestinationCharge } from './connect.js';
import { invalidRequest, missingParam } from './errors.js';
import { buildCharge, buildPaymentIntent, type CheckoutSessionObject, type Metadata } from './objects/index.js';
import {
  asParams,
  hashParam,
  listParam,
  mergeMetadata,
  metadataParam,
  nullableString,
  optionalInteger,
  optionalString,
  requiredString,
  type Params,
} from './params.js';
import type { Transaction } from './transaction.js';

/** What a payment-mode session remembers for its completion; not shown by the API. */
interface PaymentCheckoutDetails {
  id: string;
  object: 'emulator.payment_checkout_details';
  line_items: Array<{ name: string; unit_amount: number; currency: string; quantity: number }>;
  payment_intent_data: {
    application_fee_amount: number | null;
    destination: string | null;
    metadata: Metadata;
    description: string | null;
  };
  [key: string]: unknown;
}

function detailsId(sessionId: string): string {
  return `emulator_payment_checkout_details_${sessionId}`;
}

/** POST /v1/checkout/sessions with mode=payment. */
export async function createPaymentCheckoutSession(tx: Transaction, params: Params): Promise<CheckoutSessionObject> {
  const customerId = await readSessionCustomer(tx, params);
  const lineItems = readPriceDataItems(params);
  const amount = lineItems.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0);
  const intentData = hashParam(params, 'payment_intent_data');
  const transferData = hashParam(intentData, 'transfer_data', 'payment_intent_data[transfer_data]');
  const destinationPath = 'payment_intent_data[transfer_data][destination]';
  const destination = optionalString(transferData, 'destination', destinationPath) ?? null;
  if (destination) await requireTransferableAccount(tx, destination, destinationPath);
  const feePath = 'payment_intent_data[application_fee_amount]';
  const fee = optionalInteger(intentData, 'application_fee_amount', feePath) ?? null;
  if (fee !== null) {
    if (!destination)
      throw invalidRequest(
        'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
        { param: feePath },
      );
    if (fee < 0 || fee > amount)
      throw invalidRequest('The application fee must be between 0 and the amount of the payment.', { param: feePath });
  }
  const session = openCheckoutSession(tx, params, {
    customer: customerId,
    allowPromotionCodes: null,
    amountTotal: amount,
    currency: lineItems[0].currency,
  });
  Object.assign(session, { mode: 'payment', customer_creation: customerId ? null : 'if_required' });
  tx.put(session);
  tx.put<PaymentCheckoutDetails>({
    id: detailsId(session.id),
    object: 'emulator.payment_checkout_details',
    line_items: lineItems,
    payment_intent_data: {
      application_fee_amount: fee,
      destination,
      metadata: mergeMetadata({}, metadataParam(intentData, 'metadata', 'payment_intent_data[metadata]')),
      description: nullableString(intentData, 'description', 'payment_intent_data[description]') ?? null,
    },
  });
  return session;
}

function readPriceDataItems(params: Params): PaymentCheckoutDetails['line_items'] {
  const entries = listParam(params, 'line_items');
  if (entries.length === 0) throw missingParam('line_items');
  return entries.map((entry, index) => {
    const path = (key: string) => `line_items[${index}][${key}]`;
    const item = asParams(entry);
    const priceData = hashParam(item, 'price_data', path('price_data'));
    if (Object.keys(priceData).length === 0)
      throw invalidRequest('The Stripe emulator supports payment-mode line items with price_data only.', {
        param: path('price_data'),
      });
    const unitAmount = optionalInteger(priceData, 'unit_amount', `${path('price_data')}[unit_amount]`);
    if (unitAmount === undefined) throw missingParam(`${path('price_data')}[unit_amount]`);
    if (unitAmount < 1)
      throw invalidRequest('This value must be greater than or equal to 1.', {
        param: `${path('price_data')}[unit_amount]`,
      });
    const quantity = readQuantity(item, path('quantity'));
    const productData = hashParam(priceData, 'product_data', `${path('price_data')}[product_data]`);
    return {
      name: requiredString(productData, 'name', `${path('price_data')}[product_data][name]`),
      unit_amount: unitAmount,
      currency: requiredString(priceData, 'currency', `${path('price_data')}[currency]`).toLowerCase(),
      quantity,
    };
  });
}

/** The line items' names (for the sandbox page); empty for a subscription-mode session. */
export async function paymentLineItems(
  tx: Transaction,
  sessionId: string,
): Promise<PaymentCheckoutDetails['line_items']> {
  return (
    (await tx.find<PaymentCheckoutDetails>(detailsId(sessionId), 'emulator.payment_checkout_details'))?.line_items ?? []
  );
}

/**
 * The customer pays a payment-mode session: a succeeded PaymentIntent and charge (and, for a destination charge,
 * the application fee and the transfer), then checkout.session.completed.
 */
export async function completePaymentCheckout(
  tx: Transaction,
  session: CheckoutSessionObject,
): Promise<CheckoutSessionObject> {
  const details = await tx.require<PaymentCheckoutDetails>(detailsId(session.id), 'emulator.payment_checkout_details');
  const customer = await payingCustomer(tx, session);
  const data = details.payment_intent_data;
  const intent = buildPaymentIntent({
    id: tx.id('pi'),
    now: tx.now,
    amount: session.amount_total,
    currency: session.currency,
    customer: customer.id,
    description: data.description ?? details.line_items[0].name,
  });
  const charge = buildCharge({
    id: tx.id('ch'),
    now: tx.now,
    paymentIntent: intent,
    succeeded: true,
    receiptUrl: '',
    billingEmail: customer.email,
  });
  charge.receipt_url = tx.urls.receipt(charge.id);
  charge.metadata = { ...data.metadata };
  Object.assign(intent, {
    status: 'succeeded',
    amount_received: intent.amount,
    latest_charge: charge.id,
    metadata: { ...data.metadata },
    application_fee_amount: data.application_fee_amount,
    transfer_data: data.destination ? { destination: data.destination } : null,
  });
  if (data.destination) {
    // The destination must still be able to receive the money when the customer pays.
    await requireTransferableAccount(tx, data.destination, 'payment_intent_data[transfer_data][destination]');
    await settleDestinationCharge(tx, charge, {
      account: data.destination,
      feeAmount: data.application_fee_amount ?? 0,
      metadata: { ...data.metadata },
    });
  }
  tx.put(intent);
  tx.put(charge);
  tx.emit('payment_intent.succeeded', intent);
  tx.emit('charge.succeeded', charge);
  return completeSession(tx, session, customer, { payment_status: 'paid', payment_intent: intent.id });
}
