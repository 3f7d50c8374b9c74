/** Invoices of subscriptions: drafting, finalizing and collecting payment (payment intent, charge, invoice payment). */
import type { Period } from './billing-math.js';
import {
  buildCharge,
  buildInvoice,
  buildInvoiceItem,
  buildInvoiceLine,
  buildInvoicePayment,
  buildPaymentIntent,
  type BillingReason,
  type CustomerObject,
  type InvoiceItemObject,
  type InvoiceObject,
  type InvoicePaymentObject,
  type LineDraft,
  type PaymentIntentObject,
  type PriceObject,
  type SubscriptionObject,
} from './objects/index.js';
import { discountForInvoice, settleDiscount, type InvoiceDiscount } from './coupons.js';
import { invalidRequest } from './errors.js';
import { mergeMetadata, metadataParam, optionalBoolean, rejectUnknownParams, type Params } from './params.js';
import type { EmulatorObject } from './store.js';
import type { Transaction } from './transaction.js';

export type PaymentOutcome = 'succeed' | 'decline';

/** The simulated card behaviour of a customer (not a Stripe object). */
interface PaymentOutcomeSetting extends EmulatorObject {
  object: 'emulator.payment_outcome';
  customer: string;
  outcome: PaymentOutcome;
}

const RETRY_DELAY = 3 * 86_400;

function outcomeSettingId(customerId: string): string {
  return `emulator_payment_outcome_${customerId}`;
}

export async function paymentOutcomeFor(tx: Transaction, customerId: string): Promise<PaymentOutcome> {
  const setting = await tx.find<PaymentOutcomeSetting>(outcomeSettingId(customerId), 'emulator.payment_outcome');
  return setting?.outcome ?? 'succeed';
}

export function storePaymentOutcome(tx: Transaction, customerId: string, outcome: PaymentOutcome): void {
  tx.put<PaymentOutcomeSetting>({
    id: outcomeSettingId(customerId),
    object: 'emulator.payment_outcome',
    customer: customerId,
    outcome,
  });
}

export interface InvoiceSpec {
  subscription: SubscriptionObject;
  lines: LineDraft[];
  billingReason: BillingReason;
  /** The invoice's period_start/period_end (Stripe: the period whose usage it collects, not the service period of its lines). */
  period: Period;
  /** Pre-allocated id, when a subscription must point at the invoice before the invoice events are emitted. */
  id?: string;
  prorationDate?: number;
}

/** Drafts an invoice (event invoice.created), sweeping in the subscription's pending invoice items (listed first, as Stripe does). */
export async function createInvoice(tx: Transaction, spec: InvoiceSpec): Promise<InvoiceObject> {
  const id = spec.id ?? tx.id('in');
  const pending = await takePendingItems(tx, spec.subscription.id, id);
  const { invoice, discount } = await draftWithDiscount(tx, { ...spec, id, lines: [...pending, ...spec.lines] });
  await settleDiscount(tx, spec.subscription, discount, discountTime(tx, spec));
  const customer = await tx.require<CustomerObject>(invoice.customer, 'customer');
  customer.balance = Math.min(0, invoice.total + invoice.starting_balance);
  tx.put(customer);
  tx.put(invoice);
  tx.emit('invoice.created', invoice);
  return invoice;
}

/** The invoice `createInvoice` would make, without storing anything: what POST /v1/invoices/create_preview answers. */
export async function previewInvoice(tx: Transaction, spec: InvoiceSpec): Promise<InvoiceObject> {
  const pending = await pendingItemDrafts(tx, spec.subscription.id);
  const { invoice } = await draftWithDiscount(
    tx,
    { ...spec, id: spec.id ?? `upcoming_${tx.id('in')}`, lines: [...pending, ...spec.lines] },
    null,
  );
  return invoice;
}

/** When a discount is judged for an invoice: a renewal's new period starts at the old one's end, whatever the clock says. */
function discountTime(tx: Transaction, spec: InvoiceSpec): number {
  return spec.billingReason === 'subscription_cycle' ? spec.period.end : tx.now;
}

async function draftWithDiscount(
  tx: Transaction,
  spec: InvoiceSpec & { id: string },
  lineInvoiceId: string | null = spec.id,
): Promise<{ invoice: InvoiceObject; discount: InvoiceDiscount | null }> {
  const customer = await tx.require<CustomerObject>(spec.subscription.customer, 'customer');
  const lines = spec.lines.map((draft) =>
    buildInvoiceLine({ id: tx.id('il'), invoice: lineInvoiceId, subscription: spec.subscription.id, draft }),
  );
  const discount = await discountForInvoice(
    tx,
    spec.subscription,
    spec.lines.map((draft) => ({
      amount: draft.amount,
      currency: draft.price.currency,
      proration: draft.proration,
      product: draft.price.product,
    })),
    discountTime(tx, spec),
  );
  if (discount) {
    for (const [index, amount] of discount.perLine) {
      lines[index].discount_amounts = [{ amount, discount: discount.discount.id }];
      lines[index].discounts = [discount.discount.id];
    }
  }
  const invoice = buildInvoice({
    id: spec.id,
    now: tx.now,
    customer,
    subscription: spec.subscription,
    billingReason: spec.billingReason,
    currency: spec.subscription.currency,
    lines,
    period: spec.period,
    prorationDate: spec.prorationDate,
    discount: discount ? { id: discount.discount.id, amount: discount.amount } : undefined,
  });
  return { invoice, discount };
}

/** draft → open: numbers the invoice and publishes its pages (event invoice.finalized). */
export async function finalizeInvoice(tx: Transaction, invoice: InvoiceObject): Promise<InvoiceObject> {
  const customer = await tx.require<CustomerObject>(invoice.customer, 'customer');
  invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, '0')}`;
  customer.next_invoice_sequence += 1;
  invoice.status = 'open';
  invoice.status_transitions.finalized_at = tx.now;
  invoice.effective_at = tx.now;
  invoice.ending_balance = customer.balance;
  invoice.hosted_invoice_url = tx.urls.invoice(invoice.id);
  invoice.invoice_pdf = tx.urls.invoicePdf(invoice.id);
  tx.put(customer);
  tx.put(invoice);
  tx.emit('invoice.finalized', invoice);
  return invoice;
}

/**
 * Charges an open invoice once. Success: invoice paid (events invoice.paid, invoice.payment_succeeded).
 * Failure: still open with the next attempt in three days (event invoice.payment_failed). Returns whether it paid.
 */
export async function collectPayment(
  tx: Transaction,
  invoice: InvoiceObject,
  outcome?: PaymentOutcome,
): Promise<boolean> {
  if (invoice.amount_due === 0) {
    markPaid(tx, invoice);
    return true;
  }
  const succeeded = (outcome ?? (await paymentOutcomeFor(tx, invoice.customer))) === 'succeed';
  const { intent, invoicePayment } = await paymentFor(tx, invoice);
  const customer = await tx.require<CustomerObject>(invoice.customer, 'customer');
  const chargeId = tx.id('ch');
  const charge = buildCharge({
    id: chargeId,
    now: tx.now,
    paymentIntent: intent,
    succeeded,
    receiptUrl: tx.urls.receipt(chargeId),
    billingEmail: customer.email,
  });
  tx.put(charge);

  intent.latest_charge = charge.id;
  intent.status = succeeded ? 'succeeded' : 'requires_payment_method';
  intent.amount_received = succeeded ? intent.amount : 0;
  intent.last_payment_error = succeeded ? null : declineError(charge.id);
  tx.put(intent);

  invoice.attempted = true;
  invoice.attempt_count += 1;
  if (!succeeded) {
    invoice.next_payment_attempt = tx.now + RETRY_DELAY;
    tx.put(invoicePayment); // stays open, with the declined intent, until a retry pays it
    tx.put(invoice);
    tx.emit('invoice.payment_failed', invoice);
    return false;
  }
  invoicePayment.status = 'paid';
  invoicePayment.amount_paid = invoice.amount_due;
  invoicePayment.status_transitions.paid_at = tx.now;
  tx.put(invoicePayment);
  markPaid(tx, invoice);
  return true;
}

/** open → void: nothing is owed or collected any more (event invoice.voided). */
export function voidInvoice(tx: Transaction, invoice: InvoiceObject): InvoiceObject {
  invoice.status = 'void';
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.voided_at = tx.now;
  tx.put(invoice);
  tx.emit('invoice.voided', invoice);
  return invoice;
}

/** POST /v1/invoices/:id — `auto_advance` (automatic collection on or off) and metadata, on a draft or open invoice. */
export async function updateInvoice(tx: Transaction, id: string, params: Params): Promise<InvoiceObject> {
  rejectUnknownParams(params, ['auto_advance', 'metadata', 'expand']);
  const invoice = await tx.require<InvoiceObject>(id, 'invoice');
  if (!['draft', 'open'].includes(invoice.status))
    throw invalidRequest(`Invoice ${invoice.id} is ${invoice.status}; only draft or open invoices can be updated.`);
  const autoAdvance = optionalBoolean(params, 'auto_advance');
  if (autoAdvance !== undefined) {
    invoice.auto_advance = autoAdvance;
    // Stripe schedules no automatic attempt while automatic collection is off.
    if (invoice.status === 'open' && invoice.attempted)
      invoice.next_payment_attempt = autoAdvance ? tx.now + RETRY_DELAY : null;
  }
  invoice.metadata = mergeMetadata(invoice.metadata, metadataParam(params));
  tx.put(invoice);
  tx.emit('invoice.updated', invoice);
  return invoice;
}

function markPaid(tx: Transaction, invoice: InvoiceObject): void {
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = tx.now;
  tx.put(invoice);
  tx.emit('invoice.paid', invoice);
  tx.emit('invoice.payment_succeeded', invoice);
}

/** The invoice's payment intent and default invoice payment, created on the first attempt and reused by retries. */
async function paymentFor(
  tx: Transaction,
  invoice: InvoiceObject,
): Promise<{ intent: PaymentIntentObject; invoicePayment: InvoicePaymentObject }> {
  const payments = await tx.list<InvoicePaymentObject>('invoice_payment');
  const existing = payments.find((payment) => payment.invoice === invoice.id && payment.is_default);
  if (existing) {
    const intent = await tx.require<PaymentIntentObject>(existing.payment.payment_intent, 'payment_intent');
    return { intent, invoicePayment: existing };
  }
  const intent = buildPaymentIntent({
    id: tx.id('pi'),
    now: tx.now,
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: invoice.customer,
    description: invoice.billing_reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
  });
  const invoicePayment = buildInvoicePayment({ id: tx.id('inpay'), now: tx.now, invoice, paymentIntent: intent.id });
  return { intent, invoicePayment };
}

function declineError(chargeId: string): Record<string, unknown> {
  return {
    charge: chargeId,
    code: 'card_declined',
    decline_code: 'generic_decline',
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    message: 'Your card was declined.',
    type: 'card_error',
  };
}

// ------------------------------------------------------------------------------------- pending invoice items

/** Keeps prorations for the subscription's next invoice (proration_behavior=create_prorations). */
export function addPendingItems(tx: Transaction, subscription: SubscriptionObject, drafts: LineDraft[]): void {
  for (const draft of drafts) {
    tx.put(
      buildInvoiceItem({
        id: tx.id('ii'),
        now: tx.now,
        customer: subscription.customer,
        subscription: subscription.id,
        draft,
      }),
    );
  }
}

async function pendingItems(tx: Transaction, subscriptionId: string): Promise<InvoiceItemObject[]> {
  const items = await tx.list<InvoiceItemObject>('invoiceitem');
  return items.filter(
    (item) => item.invoice === null && item.parent.subscription_details.subscription === subscriptionId,
  );
}

export async function hasPendingItems(tx: Transaction, subscriptionId: string): Promise<boolean> {
  return (await pendingItems(tx, subscriptionId)).length > 0;
}

async function pendingItemDrafts(tx: Transaction, subscriptionId: string): Promise<LineDraft[]> {
  const items = await pendingItems(tx, subscriptionId);
  return Promise.all(items.map((item) => draftFromItem(tx, item)));
}

async function takePendingItems(tx: Transaction, subscriptionId: string, invoiceId: string): Promise<LineDraft[]> {
  const items = await pendingItems(tx, subscriptionId);
  const drafts: LineDraft[] = [];
  for (const item of items) {
    drafts.push(await draftFromItem(tx, item));
    tx.put({ ...item, invoice: invoiceId });
  }
  return drafts;
}

async function draftFromItem(tx: Transaction, item: InvoiceItemObject): Promise<LineDraft> {
  const price = await tx.require<PriceObject>(item.pricing.price_details.price, 'price');
  return {
    amount: item.amount,
    description: item.description,
    period: item.period,
    price,
    quantity: item.quantity,
    subscriptionItem: item.parent.subscription_details.subscription_item,
    proration: item.proration,
    invoiceItem: item.id,
  };
}
