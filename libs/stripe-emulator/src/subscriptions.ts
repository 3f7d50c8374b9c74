/** Subscription lifecycle: creation from Checkout, updates with prorations, renewal, dunning, cancel, pause and resume. */
import {
  addIntervals,
  periodContaining,
  periodEndAfter,
  sameTerms,
  type Period,
  type RecurringTerms,
} from './billing-math.js';
import { requireSubscribablePrice } from './catalog.js';
import { attachDiscount, type CheckoutDiscount } from './coupons.js';
import { StripeApiError, invalidRequest, missingParam, noSuch } from './errors.js';
import {
  addPendingItems,
  collectPayment,
  createInvoice,
  finalizeInvoice,
  hasPendingItems,
  previewInvoice,
  voidInvoice,
  type PaymentOutcome,
} from './invoicing.js';
import { periodLine, remainingTimeLine, trialLine, unusedTimeLine, usageLine, type BilledItem } from './lines.js';
import { meteredQuantity } from './meters.js';
import {
  buildSubscription,
  buildSubscriptionItem,
  planFromPrice,
  type CustomerObject,
  type InvoiceObject,
  type LineDraft,
  type Metadata,
  type RecurringPrice,
  type SubscriptionItemObject,
  type SubscriptionObject,
} from './objects/index.js';
import {
  asParams,
  hashParam,
  listParam,
  mergeMetadata,
  metadataParam,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  type Params,
} from './params.js';
import { saveWithEvents, type Transaction } from './transaction.js';

const DAY = 86_400;
export const PRORATION_BEHAVIORS = ['create_prorations', 'always_invoice', 'none'] as const;
export type ProrationBehavior = (typeof PRORATION_BEHAVIORS)[number];
const PAYMENT_BEHAVIORS = [
  'allow_incomplete',
  'default_incomplete',
  'error_if_incomplete',
  'pending_if_incomplete',
] as const;
type PaymentBehavior = (typeof PAYMENT_BEHAVIORS)[number];
const FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
] as const;

// ------------------------------------------------------------------------------------------------- helpers

/** All items of a subscription share one billing period (Stripe requires one interval per subscription). */
export function currentPeriod(subscription: SubscriptionObject): Period {
  const [item] = subscription.items.data;
  return { start: item.current_period_start, end: item.current_period_end };
}

function termsOf(items: SubscriptionItemObject[]): RecurringTerms {
  return items[0].price.recurring;
}

function setPeriod(items: SubscriptionItemObject[], period: Period): void {
  for (const item of items) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}

function setItems(subscription: SubscriptionObject, items: SubscriptionItemObject[]): void {
  subscription.items = { ...subscription.items, data: items, total_count: items.length };
}

/** Stores the subscription and emits `types` (default customer.subscription.updated) when anything changed. */
function publish(
  tx: Transaction,
  before: SubscriptionObject,
  after: SubscriptionObject,
  types = ['customer.subscription.updated'],
): void {
  saveWithEvents(tx, before, after, ...types);
}

function cardDeclined(): StripeApiError {
  return new StripeApiError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
  });
}

function paramPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}[${key}]`;
}

/** What a metered item's meter counted for the customer over `period`, as an arrears line. */
async function meteredUsageLine(
  tx: Transaction,
  item: BilledItem,
  customer: string,
  period: Period,
): Promise<LineDraft> {
  return usageLine(tx, item, period, await meteredQuantity(tx, item.price.recurring.meter!, customer, period));
}

/**
 * The usage not yet invoiced when a cycle ends early (an interval change, a cancellation with invoice_now):
 * the metered items' counts from the period's start until now, which the next period would no longer see.
 */
async function usageSoFar(tx: Transaction, subscription: SubscriptionObject, period: Period): Promise<LineDraft[]> {
  const metered = subscription.items.data.filter((item) => item.price.recurring.usage_type === 'metered');
  const upToNow = { start: period.start, end: Math.min(Math.max(tx.now, period.start), period.end) };
  const lines = await linesFor(metered, (item) => meteredUsageLine(tx, item, subscription.customer, upToNow));
  return lines.filter((line) => line.quantity > 0);
}

async function linesFor(items: BilledItem[], make: (item: BilledItem) => Promise<LineDraft>): Promise<LineDraft[]> {
  const lines: LineDraft[] = [];
  for (const item of items) lines.push(await make(item));
  return lines;
}

/**
 * Drafts, finalizes and charges a subscription invoice; returns whether it was paid. With payment
 * collection paused (behavior void) the invoice is voided instead of charged: `voided`, nothing collected.
 */
async function invoiceAndCollect(
  tx: Transaction,
  spec: Parameters<typeof createInvoice>[1],
  outcome?: PaymentOutcome,
): Promise<{ invoice: InvoiceObject; paid: boolean; voided: boolean }> {
  const invoice = await createInvoice(tx, spec);
  await finalizeInvoice(tx, invoice);
  if (spec.subscription.pause_collection?.behavior === 'void') {
    voidInvoice(tx, invoice);
    return { invoice, paid: false, voided: true };
  }
  const paid = await collectPayment(tx, invoice, outcome);
  return { invoice, paid, voided: false };
}

// ---------------------------------------------------------------------------------------------- creation

export interface NewSubscription {
  customer: CustomerObject;
  lineItems: Array<{ price: RecurringPrice; quantity: number }>;
  metadata: Metadata;
  trialPeriodDays: number | null;
  description: string | null;
  /** A coupon from Checkout, on the subscription before its first invoice. */
  discount?: (CheckoutDiscount & { checkoutSession: string | null }) | null;
}

/** What a paid Checkout Session creates: the subscription and its first invoice, paid (card accepted on the page). */
export async function subscribe(
  tx: Transaction,
  spec: NewSubscription,
): Promise<{ subscription: SubscriptionObject; invoice: InvoiceObject }> {
  const id = tx.id('sub');
  const terms = spec.lineItems[0].price.recurring;
  const trial = spec.trialPeriodDays ? { start: tx.now, end: tx.now + spec.trialPeriodDays * DAY } : null;
  const period = trial ?? { start: tx.now, end: addIntervals(tx.now, terms, 1) };
  const items = spec.lineItems.map(({ price, quantity }) =>
    buildSubscriptionItem({ id: tx.id('si'), now: tx.now, subscription: id, price, quantity, period }),
  );
  const subscription = buildSubscription({
    id,
    now: tx.now,
    customer: spec.customer.id,
    items,
    currency: spec.lineItems[0].price.currency,
    status: trial ? 'trialing' : 'active',
    billingCycleAnchor: trial ? trial.end : tx.now,
    trial,
    metadata: spec.metadata,
    description: spec.description,
  });
  // The subscription.created event already names its first invoice, as Stripe's does.
  const invoiceId = tx.id('in');
  subscription.latest_invoice = invoiceId;
  if (spec.discount) attachDiscount(tx, subscription, spec.discount, spec.discount.checkoutSession);
  tx.put(subscription);
  tx.emit('customer.subscription.created', subscription);

  const lines = await linesFor(items, (item) => (trial ? trialLine(tx, item, trial) : periodLine(tx, item, period)));
  const { invoice } = await invoiceAndCollect(
    tx,
    {
      subscription,
      lines,
      billingReason: 'subscription_create',
      period: { start: tx.now, end: tx.now },
      id: invoiceId,
    },
    'succeed',
  );
  return { subscription, invoice };
}

// ------------------------------------------------------------------------------------- planning a change

interface ItemChange {
  before: BilledItem | null; // null: a new item
  after: BilledItem | null; // null: the item is deleted
}

interface ChangeRequest {
  changes: ItemChange[];
  prorationBehavior: ProrationBehavior;
  prorationDate: number;
  endTrial: boolean;
}

interface ChangePlan {
  items: SubscriptionItemObject[];
  /** Set when the billing cycle restarts (interval change, trial ended now). */
  newAnchor: number | null;
  /** Lines to invoice right away, or null for no invoice now. */
  invoiceNow: LineDraft[] | null;
  /** Prorations kept for the next invoice. */
  pending: LineDraft[];
}

/** Reads items[], proration_behavior, proration_date and trial_end (under `prefix`, e.g. subscription_details). */
async function readChangeRequest(
  tx: Transaction,
  subscription: SubscriptionObject,
  params: Params,
  prefix = '',
): Promise<ChangeRequest> {
  const changes = await resolveItemChanges(
    tx,
    subscription,
    listParam(params, 'items', paramPath(prefix, 'items')),
    paramPath(prefix, 'items'),
  );
  const prorationBehavior =
    optionalEnum(params, 'proration_behavior', PRORATION_BEHAVIORS, paramPath(prefix, 'proration_behavior')) ??
    'create_prorations';
  const prorationDate = optionalInteger(params, 'proration_date', paramPath(prefix, 'proration_date')) ?? tx.now;
  const trialEnd = params.trial_end;
  if (trialEnd !== undefined && trialEnd !== 'now') {
    throw invalidRequest('The Stripe emulator supports only trial_end=now.', { param: paramPath(prefix, 'trial_end') });
  }
  const endTrial = trialEnd === 'now';
  if (endTrial && subscription.status !== 'trialing') {
    throw invalidRequest(`trial_end=now needs a trialing subscription; ${subscription.id} is ${subscription.status}.`, {
      param: paramPath(prefix, 'trial_end'),
    });
  }
  if (subscription.status === 'paused' && (changes.length > 0 || endTrial)) {
    throw invalidRequest(`Subscription ${subscription.id} is paused; resume it before changing its items.`);
  }
  return { changes, prorationBehavior, prorationDate, endTrial };
}

async function resolveItemChanges(
  tx: Transaction,
  subscription: SubscriptionObject,
  entries: unknown[],
  path: string,
): Promise<ItemChange[]> {
  const changes: ItemChange[] = [];
  for (const [index, entry] of entries.entries()) {
    const params = asParams(entry);
    const at = (key: string) => `${path}[${index}][${key}]`;
    const id = optionalString(params, 'id', at('id'));
    const priceId = optionalString(params, 'price', at('price'));
    const quantity = optionalInteger(params, 'quantity', at('quantity'));
    const deleted = optionalBoolean(params, 'deleted', at('deleted')) ?? false;
    if (quantity !== undefined && quantity < 1)
      throw invalidRequest('This value must be greater than or equal to 1.', { param: at('quantity') });
    const existing = id === undefined ? undefined : subscription.items.data.find((item) => item.id === id);
    if (id !== undefined && !existing) throw noSuch('subscription_item', id, at('id'));
    if (!existing && !priceId) throw missingParam(at('price'));
    const price =
      priceId && priceId !== existing?.price.id
        ? await requireSubscribablePrice(tx, priceId, at('price'))
        : existing!.price;
    if (price.currency !== subscription.currency) {
      throw invalidRequest(
        `The price specified uses currency \`${price.currency}\`, but this subscription uses \`${subscription.currency}\`.`,
        {
          param: at('price'),
        },
      );
    }
    const before = existing ? { id: existing.id, price: existing.price, quantity: existing.quantity } : null;
    const after = deleted
      ? null
      : { id: existing?.id ?? tx.id('si'), price, quantity: quantity ?? existing?.quantity ?? 1 };
    const unchanged = before && after && before.price.id === after.price.id && before.quantity === after.quantity;
    if (!unchanged && (before || after)) changes.push({ before, after });
  }
  return changes;
}

function applyItemChanges(
  tx: Transaction,
  subscription: SubscriptionObject,
  changes: ItemChange[],
): SubscriptionItemObject[] {
  let items = structuredClone(subscription.items.data);
  for (const { before, after } of changes) {
    if (!after) {
      items = items.filter((item) => item.id !== before!.id);
    } else if (before) {
      const item = items.find((candidate) => candidate.id === before.id)!;
      Object.assign(item, { price: after.price, plan: planFromPrice(after.price), quantity: after.quantity });
    } else {
      const period = currentPeriod(subscription);
      items.push(
        buildSubscriptionItem({
          id: after.id,
          now: tx.now,
          subscription: subscription.id,
          price: after.price,
          quantity: after.quantity,
          period,
        }),
      );
    }
  }
  if (items.length === 0)
    throw invalidRequest('A subscription needs at least one item; cancel it instead of deleting them all.', {
      param: 'items',
    });
  const terms = termsOf(items);
  if (items.some((item) => !sameTerms(item.price.recurring, terms))) {
    throw invalidRequest('All prices on a subscription must have the same recurring interval.', { param: 'items' });
  }
  return items;
}

/**
 * What a change costs. Same interval: prorations for the changed items at proration_date — credit the unused
 * time on the old price, charge the remaining time on the new one — invoiced now (always_invoice), kept for
 * the next invoice (create_prorations) or dropped (none). Interval change or trial_end=now: the cycle restarts
 * now and is invoiced at once: credit for unused old time (unless none) plus a whole period at the new price.
 * During a trial nothing is prorated.
 */
async function planChange(
  tx: Transaction,
  subscription: SubscriptionObject,
  request: ChangeRequest,
): Promise<ChangePlan> {
  const items = applyItemChanges(tx, subscription, request.changes);
  const period = currentPeriod(subscription);
  const trialing = subscription.status === 'trialing';
  const from = Math.min(Math.max(request.prorationDate, period.start), period.end);
  const termsChanged = !sameTerms(termsOf(subscription.items.data), termsOf(items));

  if (request.endTrial || (termsChanged && !trialing)) {
    const restart = tx.now;
    const newPeriod = { start: restart, end: addIntervals(restart, termsOf(items), 1) };
    const credits =
      trialing || request.prorationBehavior === 'none'
        ? []
        : await linesFor(subscription.items.data, (item) => unusedTimeLine(tx, item, period, from));
    // The old cycle ends now: its metered usage is invoiced with the change, not lost with the period.
    const usage = trialing ? [] : await usageSoFar(tx, subscription, period);
    setPeriod(items, newPeriod);
    const charges = await linesFor(items, (item) => periodLine(tx, item, newPeriod));
    return { items, newAnchor: restart, invoiceNow: [...usage, ...credits, ...charges], pending: [] };
  }
  if (trialing || request.changes.length === 0 || request.prorationBehavior === 'none') {
    return { items, newAnchor: null, invoiceNow: null, pending: [] };
  }
  const prorations: LineDraft[] = [];
  for (const { before, after } of request.changes) {
    if (before) prorations.push(await unusedTimeLine(tx, before, period, from));
    if (after) prorations.push(await remainingTimeLine(tx, after, period, from));
  }
  return request.prorationBehavior === 'always_invoice'
    ? { items, newAnchor: null, invoiceNow: prorations, pending: [] }
    : { items, newAnchor: null, invoiceNow: null, pending: prorations };
}

// ------------------------------------------------------------------------------------------------- update

/** POST /v1/subscriptions/:id */
export async function updateSubscription(tx: Transaction, id: string, params: Params): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (subscription.status === 'canceled') assertCanceledUpdate(params);
  const before = structuredClone(subscription);
  applyPlainFields(tx, subscription, params);
  const request = await readChangeRequest(tx, subscription, params);
  const paymentBehavior: PaymentBehavior =
    optionalEnum(params, 'payment_behavior', PAYMENT_BEHAVIORS) ?? 'allow_incomplete';
  const plan = await planChange(tx, subscription, request);

  setItems(subscription, plan.items);
  if (plan.newAnchor !== null) subscription.billing_cycle_anchor = plan.newAnchor;
  if (subscription.cancel_at_period_end) subscription.cancel_at = currentPeriod(subscription).end;
  if (request.endTrial) {
    subscription.trial_end = tx.now;
    subscription.status = 'active';
  }
  if (plan.pending.length > 0) addPendingItems(tx, subscription, plan.pending);
  const invoiceId = plan.invoiceNow ? tx.id('in') : null;
  if (invoiceId) subscription.latest_invoice = invoiceId;
  publish(tx, before, subscription);

  if (plan.invoiceNow && invoiceId) {
    const period = { start: tx.now, end: tx.now };
    const spec = {
      subscription,
      lines: plan.invoiceNow,
      billingReason: 'subscription_update' as const,
      period,
      id: invoiceId,
      prorationDate: request.prorationDate,
    };
    const { paid, voided } = await invoiceAndCollect(tx, spec);
    // error_if_incomplete: a declined payment rejects the whole update (the transaction is discarded).
    if (!paid && !voided && paymentBehavior === 'error_if_incomplete') throw cardDeclined();
    if (!paid && !voided) markPastDue(tx, subscription);
  }
  return subscription;
}

function markPastDue(tx: Transaction, subscription: SubscriptionObject): void {
  const before = structuredClone(subscription);
  subscription.status = 'past_due';
  publish(tx, before, subscription);
}

function assertCanceledUpdate(params: Params): void {
  const disallowed = Object.keys(params).find((key) => !['metadata', 'cancellation_details', 'expand'].includes(key));
  if (disallowed) {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.', {
      code: 'invalid_canceled_subscription_fields',
      param: disallowed,
    });
  }
}

/** metadata, description, cancellation_details, cancel_at_period_end, cancel_at. */
function applyPlainFields(tx: Transaction, subscription: SubscriptionObject, params: Params): void {
  subscription.metadata = mergeMetadata(subscription.metadata, metadataParam(params));
  const description = nullableString(params, 'description');
  if (description !== undefined) subscription.description = description;
  applyCancellationDetails(subscription, params);

  const atPeriodEnd = optionalBoolean(params, 'cancel_at_period_end');
  if (atPeriodEnd === true) scheduleCancellation(tx, subscription, currentPeriod(subscription).end, true);
  if (atPeriodEnd === false) unscheduleCancellation(subscription);
  if (params.cancel_at === '') unscheduleCancellation(subscription);
  const cancelAt = optionalInteger(params, 'cancel_at');
  if (cancelAt !== undefined) scheduleCancellation(tx, subscription, cancelAt, false);
  applyPauseCollection(subscription, params);
}

/** pause_collection[behavior]=void pauses payment collection (status unchanged); pause_collection='' resumes it. */
function applyPauseCollection(subscription: SubscriptionObject, params: Params): void {
  if (params.pause_collection === undefined) return;
  if (params.pause_collection === '') {
    subscription.pause_collection = null;
    return;
  }
  const pause = hashParam(params, 'pause_collection');
  const behavior = optionalEnum(
    pause,
    'behavior',
    ['void', 'keep_as_draft', 'mark_uncollectible'] as const,
    'pause_collection[behavior]',
  );
  if (behavior === undefined) throw missingParam('pause_collection[behavior]');
  if (behavior !== 'void')
    throw invalidRequest('The Stripe emulator supports only pause_collection[behavior]=void.', {
      param: 'pause_collection[behavior]',
    });
  if (pause.resumes_at !== undefined)
    throw invalidRequest('The Stripe emulator does not support pause_collection[resumes_at].', {
      param: 'pause_collection[resumes_at]',
    });
  subscription.pause_collection = { behavior, resumes_at: null };
}

function applyCancellationDetails(subscription: SubscriptionObject, params: Params): void {
  const details = hashParam(params, 'cancellation_details');
  const comment = nullableString(details, 'comment', 'cancellation_details[comment]');
  if (comment !== undefined) subscription.cancellation_details.comment = comment;
  if (details.feedback === '') subscription.cancellation_details.feedback = null;
  const feedback = optionalEnum(details, 'feedback', FEEDBACK, 'cancellation_details[feedback]');
  if (feedback !== undefined) subscription.cancellation_details.feedback = feedback;
}

// Stripe sets canceled_at when the cancellation is requested, even though the subscription ends later.
function scheduleCancellation(
  tx: Transaction,
  subscription: SubscriptionObject,
  at: number,
  atPeriodEnd: boolean,
): void {
  subscription.cancel_at = at;
  subscription.cancel_at_period_end = atPeriodEnd;
  subscription.canceled_at = tx.now;
  subscription.cancellation_details.reason = 'cancellation_requested';
}

function unscheduleCancellation(subscription: SubscriptionObject): void {
  subscription.cancel_at = null;
  subscription.cancel_at_period_end = false;
  subscription.canceled_at = null;
  subscription.cancellation_details.reason = null;
}

/** POST /v1/invoices/create_preview for a subscription: the invoice a change would make now, or else the next renewal's. */
export async function previewSubscriptionInvoice(tx: Transaction, params: Params): Promise<InvoiceObject> {
  const subscriptionId = optionalString(params, 'subscription');
  if (!subscriptionId)
    throw invalidRequest('The Stripe emulator previews subscription invoices only: pass `subscription`.', {
      param: 'subscription',
    });
  const subscription = await tx.require<SubscriptionObject>(subscriptionId, 'subscription', 'subscription');
  const customer = optionalString(params, 'customer');
  if (customer !== undefined && customer !== subscription.customer) {
    throw invalidRequest(`Subscription ${subscription.id} does not belong to customer ${customer}.`, {
      param: 'subscription',
    });
  }
  const request = await readChangeRequest(
    tx,
    subscription,
    hashParam(params, 'subscription_details'),
    'subscription_details',
  );
  if (['canceled', 'paused', 'incomplete_expired'].includes(subscription.status)) throw noUpcomingInvoice(subscription);
  const plan = await planChange(tx, subscription, request);
  const changed: SubscriptionObject = {
    ...structuredClone(subscription),
    items: { ...subscription.items, data: plan.items },
  };

  if (plan.invoiceNow) {
    const period = { start: tx.now, end: tx.now };
    return previewInvoice(tx, {
      subscription: changed,
      lines: plan.invoiceNow,
      billingReason: 'subscription_update',
      period,
      prorationDate: request.prorationDate,
    });
  }
  if (subscription.cancel_at_period_end) throw noUpcomingInvoice(subscription);
  const period = currentPeriod(changed);
  const next = {
    start: period.end,
    end: periodEndAfter(plan.newAnchor ?? subscription.billing_cycle_anchor, termsOf(plan.items), period.end),
  };
  const lines = [...plan.pending, ...(await linesFor(plan.items, (item) => periodLine(tx, item, next)))];
  return previewInvoice(tx, { subscription: changed, lines, billingReason: 'upcoming', period });
}

function noUpcomingInvoice(subscription: SubscriptionObject): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'invoice_upcoming_none',
    message: `No upcoming invoices for subscription: ${subscription.id}`,
  });
}

// ------------------------------------------------------------------------------------- cancel, pause, resume

/** DELETE /v1/subscriptions/:id */
export async function cancelSubscription(tx: Transaction, id: string, params: Params): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (subscription.status === 'canceled') {
    throw invalidRequest(`Subscription ${subscription.id} has already been canceled.`, { param: 'id' });
  }
  const invoiceNow = optionalBoolean(params, 'invoice_now') ?? false;
  const prorate = optionalBoolean(params, 'prorate') ?? false;
  const period = currentPeriod(subscription);
  const credits =
    prorate && subscription.status !== 'trialing'
      ? await linesFor(subscription.items.data, (item) => unusedTimeLine(tx, item, period, tx.now))
      : [];
  // invoice_now also bills the metered usage counted so far, as Stripe's final invoice does.
  const usage = invoiceNow && subscription.status !== 'trialing' ? await usageSoFar(tx, subscription, period) : [];
  const finalInvoice =
    invoiceNow && (credits.length > 0 || usage.length > 0 || (await hasPendingItems(tx, subscription.id)));

  applyCancellationDetails(subscription, params);
  subscription.cancellation_details.reason = 'cancellation_requested';
  subscription.status = 'canceled';
  subscription.canceled_at = tx.now;
  subscription.ended_at = tx.now;
  const invoiceId = finalInvoice ? tx.id('in') : null;
  if (invoiceId) subscription.latest_invoice = invoiceId;
  tx.put(subscription);
  tx.emit('customer.subscription.deleted', subscription);

  if (invoiceId) {
    await invoiceAndCollect(tx, {
      subscription,
      lines: [...usage, ...credits],
      billingReason: 'subscription_update',
      period: { start: tx.now, end: tx.now },
      id: invoiceId,
    });
  } else if (credits.length > 0) {
    addPendingItems(tx, subscription, credits);
  }
  return subscription;
}

/** POST /v1/subscriptions/:id/pause */
export async function pauseSubscription(tx: Transaction, id: string): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (subscription.status !== 'active') {
    throw invalidRequest(`Only active subscriptions can be paused; ${subscription.id} is ${subscription.status}.`);
  }
  const before = structuredClone(subscription);
  subscription.status = 'paused';
  subscription.status_details = {
    paused: { type: 'subscription', subscription: { type: 'pause_requested' }, transitioned_at: tx.now },
  };
  publish(tx, before, subscription, ['customer.subscription.paused', 'customer.subscription.updated']);
  return subscription;
}

/**
 * POST /v1/subscriptions/:id/resume. billing_cycle_anchor=now (default): a new period starts now and is invoiced
 * in full. unchanged: the cycle continues from the old anchor and the rest of the current period is prorated.
 */
export async function resumeSubscription(tx: Transaction, id: string, params: Params): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (subscription.status !== 'paused') {
    throw invalidRequest(`Only paused subscriptions can be resumed; ${subscription.id} is ${subscription.status}.`);
  }
  const anchor = resumeAnchor(params);
  const prorationBehavior = optionalEnum(params, 'proration_behavior', PRORATION_BEHAVIORS) ?? 'create_prorations';
  const before = structuredClone(subscription);
  const terms = termsOf(subscription.items.data);
  const items = subscription.items.data;
  let lines: LineDraft[];
  if (anchor === 'now') {
    const period = { start: tx.now, end: addIntervals(tx.now, terms, 1) };
    setPeriod(items, period);
    subscription.billing_cycle_anchor = tx.now;
    lines = await linesFor(items, (item) => periodLine(tx, item, period));
  } else {
    const period = periodContaining(subscription.billing_cycle_anchor, terms, tx.now);
    setPeriod(items, period);
    lines =
      prorationBehavior === 'none' ? [] : await linesFor(items, (item) => remainingTimeLine(tx, item, period, tx.now));
  }
  delete subscription.status_details;
  subscription.status = 'active';
  const invoiceId = lines.length > 0 ? tx.id('in') : null;
  if (invoiceId) subscription.latest_invoice = invoiceId;
  publish(tx, before, subscription, ['customer.subscription.resumed', 'customer.subscription.updated']);

  if (invoiceId) {
    const spec = {
      subscription,
      lines,
      billingReason: 'subscription_update' as const,
      period: { start: tx.now, end: tx.now },
      id: invoiceId,
    };
    const { paid } = await invoiceAndCollect(tx, spec);
    if (!paid) markPastDue(tx, subscription);
  }
  return subscription;
}

function resumeAnchor(params: Params): 'now' | 'unchanged' {
  // The SDK sends billing_cycle_anchor[type]=now; older callers send billing_cycle_anchor=now.
  const raw = params.billing_cycle_anchor;
  const value = typeof raw === 'object' && raw !== null ? asParams(raw).type : raw;
  if (value === undefined) return 'now';
  if (value === 'now' || value === 'unchanged') return value;
  throw invalidRequest('Invalid billing_cycle_anchor: must be one of now, unchanged', {
    param: 'billing_cycle_anchor',
  });
}

// ---------------------------------------------------------------------------------- simulated time passing

/**
 * The current period ends: the subscription either ends (cancel_at reached) or moves to the next period and
 * is invoiced for it. The period advances from the current period end, whatever the clock says.
 */
export async function renewSubscription(tx: Transaction, id: string): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (!['active', 'past_due', 'trialing', 'unpaid'].includes(subscription.status)) {
    throw invalidRequest(
      `Subscription ${subscription.id} is ${subscription.status}; only active, trialing, past_due or unpaid subscriptions renew.`,
    );
  }
  const period = currentPeriod(subscription);
  if (subscription.cancel_at !== null && subscription.cancel_at <= period.end)
    return endSubscription(tx, subscription, subscription.cancel_at);

  const before = structuredClone(subscription);
  const next = {
    start: period.end,
    end: periodEndAfter(subscription.billing_cycle_anchor, termsOf(subscription.items.data), period.end),
  };
  setPeriod(subscription.items.data, next);
  // Licensed items are billed for the period ahead; metered ones for what their meter counted in the one that ended.
  const lines = await linesFor(subscription.items.data, (item) =>
    item.price.recurring.usage_type === 'metered'
      ? meteredUsageLine(tx, item, subscription.customer, period)
      : periodLine(tx, item, next),
  );
  const invoiceId = tx.id('in');
  subscription.latest_invoice = invoiceId;
  const spec = { subscription, lines, billingReason: 'subscription_cycle' as const, period, id: invoiceId };
  if (subscription.status === 'unpaid') {
    await createInvoice(tx, spec); // Stripe keeps drafting invoices for unpaid subscriptions but does not charge them
  } else {
    const { paid, voided } = await invoiceAndCollect(tx, spec);
    // A voided invoice (collection paused) neither pays off nor adds to a debt: a trial still ends.
    if (!voided) subscription.status = paid ? 'active' : 'past_due';
    else if (subscription.status === 'trialing') subscription.status = 'active';
  }
  publish(tx, before, subscription);
  return subscription;
}

function endSubscription(tx: Transaction, subscription: SubscriptionObject, at: number): SubscriptionObject {
  subscription.status = 'canceled';
  subscription.ended_at = at;
  subscription.canceled_at ??= at;
  tx.put(subscription);
  tx.emit('customer.subscription.deleted', subscription);
  return subscription;
}

/** Charges an open invoice again; paying a past-due subscription's latest invoice makes it active. */
export async function retryInvoicePayment(tx: Transaction, invoiceId: string): Promise<InvoiceObject> {
  const invoice = await tx.require<InvoiceObject>(invoiceId, 'invoice');
  if (invoice.status !== 'open')
    throw invalidRequest(`Invoice ${invoice.id} is ${invoice.status}; only open invoices can be paid.`);
  if (!invoice.auto_advance)
    throw invalidRequest(
      `Invoice ${invoice.id} has automatic collection off (auto_advance=false); Stripe does not retry it.`,
    );
  const paid = await collectPayment(tx, invoice);
  const subscription = await tx.find<SubscriptionObject>(
    invoice.parent.subscription_details.subscription,
    'subscription',
  );
  if (
    paid &&
    subscription &&
    ['past_due', 'unpaid'].includes(subscription.status) &&
    subscription.latest_invoice === invoice.id
  ) {
    const before = structuredClone(subscription);
    subscription.status = 'active';
    publish(tx, before, subscription);
  }
  return invoice;
}

/** Dunning gave up: past_due → unpaid. */
export async function markUnpaid(tx: Transaction, id: string): Promise<SubscriptionObject> {
  const subscription = await tx.require<SubscriptionObject>(id, 'subscription');
  if (subscription.status !== 'past_due')
    throw invalidRequest(`Only past_due subscriptions become unpaid; ${subscription.id} is ${subscription.status}.`);
  const before = structuredClone(subscription);
  subscription.status = 'unpaid';
  publish(tx, before, subscription);
  return subscription;
}
