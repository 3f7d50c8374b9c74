import { randomBytes } from 'node:crypto';
import {
  createCustomer,
  createPrice,
  createProduct,
  filterCustomers,
  filterPrices,
  filterProducts,
  updateCustomer,
  updatePrice,
  updateProduct,
} from './catalog.js';
import {
  completeCheckout,
  createCheckoutSession,
  createPortalSession,
  type CheckoutOutcome,
  type CheckoutPageInput,
} from './checkout.js';
import {
  createCoupon,
  createPromotionCode,
  filterCoupons,
  filterPromotionCodes,
  updateCoupon,
  updatePromotionCode,
  withValidity,
} from './coupons.js';
import { storePaymentOutcome, updateInvoice, type PaymentOutcome } from './invoicing.js';
import {
  balanceOf,
  completeOnboarding,
  createAccount,
  createAccountLink,
  createTransfer,
  reverseTransfer,
  runPayouts,
  settlePayout,
  updateAccount,
} from './connect.js';
import { createMeter, createMeterEvent, type MeterEventObject, type MeterObject } from './meters.js';
import { paginate } from './listing.js';
import { paymentLineItems } from './payment-checkout.js';
import type {
  AccountLinkDetails,
  AccountLinkObject,
  AccountObject,
  ApplicationFeeObject,
  PayoutObject,
  TransferObject,
  TransferReversalObject,
  ChargeObject,
  CheckoutSessionObject,
  CouponObject,
  CustomerObject,
  DiscountObject,
  DisputeObject,
  DisputeOutcome,
  EventObject,
  InvoiceObject,
  InvoicePaymentObject,
  ListObject,
  PaymentIntentObject,
  PortalSessionObject,
  PriceObject,
  ProductObject,
  PromotionCodeObject,
  RefundObject,
  SubscriptionObject,
} from './objects/index.js';
import { listParam, optionalString, type Params } from './params.js';
import { closeDispute, createDispute, createRefund, filterDisputes } from './payments.js';
import type { EmulatorObject, EmulatorStore } from './store.js';
import {
  cancelSubscription,
  markUnpaid,
  pauseSubscription,
  previewSubscriptionInvoice,
  renewSubscription,
  resumeSubscription,
  retryInvoicePayment,
  updateSubscription,
} from './subscriptions.js';
import { Transaction, type PageUrls } from './transaction.js';

export interface StripeEmulatorOptions {
  store: EmulatorStore;
  /** Source of "now" for timestamps and periods; defaults to the system clock. */
  clock?: () => Date;
  /** A Checkout Session's url is `${checkoutPageBase}/${session.id}`. */
  checkoutPageBase: string;
  /** A billing portal session's url is `${portalPageBase}/${session.id}`. */
  portalPageBase: string;
  /** Invoice pages (hosted_invoice_url, invoice_pdf, receipt_url) live under this; defaults to checkoutPageBase's sibling `invoices`. */
  invoicePageBase?: string;
  /** Express onboarding pages (account links) live under this; defaults to checkoutPageBase's sibling `connect`. */
  connectPageBase?: string;
  /** Makes ids: given a prefix such as 'cus' or 'cs_test', returns the whole id ('cus_…'). */
  idFactory?: (prefix: string) => string;
  /** Where errors thrown by onEvents listeners go (default console.error). */
  onListenerError?: (error: unknown) => void;
}

/** Every state-changing operation answers with its result and the events it generated, in order. */
export interface Mutation<T> {
  result: T;
  events: EventObject[];
}

/** The API request behind an operation, echoed in its events' `request` field. */
export interface RequestInfo {
  requestId?: string | null;
  idempotencyKey?: string | null;
}

export type EventsListener = (events: EventObject[]) => void | Promise<void>;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe-looking ids: prefix + '_' + 24 random alphanumerics. */
export function randomStripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return `${prefix}_${suffix}`;
}

/**
 * An emulator of the part of the Stripe API our billing code uses, plus the things only Stripe's side can make
 * happen (a customer paying on the Checkout page, a renewal, a declined card, a dispute). State lives in an
 * EmulatorStore; time comes from the clock, so everything is reproducible.
 *
 * State-changing operations run one at a time, each in a transaction: a failing operation changes nothing.
 */
export class StripeEmulator {
  readonly store: EmulatorStore;
  private readonly clock: () => Date;
  private readonly newId: (prefix: string) => string;
  private readonly urls: PageUrls;
  private readonly listeners = new Set<EventsListener>();
  private readonly onListenerError: (error: unknown) => void;
  private writes: Promise<unknown> = Promise.resolve();
  private readonly deliveries = new Map<EventsListener, Promise<void>>();

  constructor(options: StripeEmulatorOptions) {
    this.store = options.store;
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.idFactory ?? ((prefix) => randomStripeId(prefix));
    this.onListenerError =
      options.onListenerError ?? ((error) => console.error('Stripe emulator event listener failed', error));
    const trim = (url: string) => url.replace(/\/+$/, '');
    const checkout = trim(options.checkoutPageBase);
    const portal = trim(options.portalPageBase);
    const invoices = trim(options.invoicePageBase ?? checkout.replace(/\/[^/]*$/, '/invoices'));
    const connect = trim(options.connectPageBase ?? checkout.replace(/\/[^/]*$/, '/connect'));
    this.urls = {
      connect: (id) => `${connect}/${id}`,
      checkout: (id) => `${checkout}/${id}`,
      portal: (id) => `${portal}/${id}`,
      invoice: (id) => `${invoices}/${id}`,
      invoicePdf: (id) => `${invoices}/${id}/pdf`,
      receipt: (id) => `${invoices}/receipts/${id}`,
    };
  }

  /** Unix seconds by the emulator's clock. */
  now(): number {
    return Math.floor(this.clock().getTime() / 1000);
  }

  /**
   * Calls `listener` with each operation's events right after they are stored, in order. An idle listener is
   * called synchronously; a promise it returns is not awaited by the operation (so a listener may call back
   * into the emulator), but the next events wait for it.
   * Returns a function that removes the listener.
   */
  onEvents(listener: EventsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new id from the emulator's id factory (e.g. 'req' → 'req_…'). */
  generateId(prefix: string): string {
    return this.newId(prefix);
  }

  /** Any Stripe object by id (used to expand references), or undefined. */
  async retrieveObject(id: string): Promise<EmulatorObject | undefined> {
    const found = await this.store.get(id);
    return found && !found.object.startsWith('emulator.') ? found : undefined;
  }

  // ------------------------------------------------------------------------------------------- customers

  createCustomer(params: Params = {}, request?: RequestInfo): Promise<Mutation<CustomerObject>> {
    return this.mutate(request, (tx) => createCustomer(tx, params));
  }

  retrieveCustomer(id: string): Promise<CustomerObject> {
    return this.retrieve(id, 'customer');
  }

  updateCustomer(id: string, params: Params, request?: RequestInfo): Promise<Mutation<CustomerObject>> {
    return this.mutate(request, (tx) => updateCustomer(tx, id, params));
  }

  listCustomers(params: Params = {}): Promise<ListObject<CustomerObject>> {
    return this.list('customer', params, '/v1/customers', filterCustomers);
  }

  // -------------------------------------------------------------------------------------- products, prices

  createProduct(params: Params, request?: RequestInfo): Promise<Mutation<ProductObject>> {
    return this.mutate(request, (tx) => createProduct(tx, params));
  }

  retrieveProduct(id: string): Promise<ProductObject> {
    return this.retrieve(id, 'product');
  }

  updateProduct(id: string, params: Params, request?: RequestInfo): Promise<Mutation<ProductObject>> {
    return this.mutate(request, (tx) => updateProduct(tx, id, params));
  }

  listProducts(params: Params = {}): Promise<ListObject<ProductObject>> {
    return this.list('product', params, '/v1/products', filterProducts);
  }

  createPrice(params: Params, request?: RequestInfo): Promise<Mutation<PriceObject>> {
    return this.mutate(request, (tx) => createPrice(tx, params));
  }

  retrievePrice(id: string): Promise<PriceObject> {
    return this.retrieve(id, 'price');
  }

  updatePrice(id: string, params: Params, request?: RequestInfo): Promise<Mutation<PriceObject>> {
    return this.mutate(request, (tx) => updatePrice(tx, id, params));
  }

  listPrices(params: Params = {}): Promise<ListObject<PriceObject>> {
    return this.list('price', params, '/v1/prices', filterPrices);
  }

  // --------------------------------------------------------------------------------- checkout and portal

  createCheckoutSession(params: Params, request?: RequestInfo): Promise<Mutation<CheckoutSessionObject>> {
    return this.mutate(request, (tx) => createCheckoutSession(tx, params));
  }

  retrieveCheckoutSession(id: string): Promise<CheckoutSessionObject> {
    return this.retrieve(id, 'checkout.session');
  }

  createPortalSession(params: Params, request?: RequestInfo): Promise<Mutation<PortalSessionObject>> {
    return this.mutate(request, (tx) => createPortalSession(tx, params));
  }

  // ---------------------------------------------------------------------------- coupons and promotion codes

  /** Billing meters (usage-based billing): one per event name. */
  createMeter(params: Params, request?: RequestInfo): Promise<Mutation<MeterObject>> {
    return this.mutate(request, (tx) => createMeter(tx, params));
  }

  retrieveMeter(id: string): Promise<MeterObject> {
    return this.retrieve<MeterObject>(id, 'billing.meter');
  }

  listMeters(params: Params = {}): Promise<ListObject<MeterObject>> {
    return this.list('billing.meter', params, '/v1/billing/meters', (meters: MeterObject[]) => meters);
  }

  /** A meter event; a repeated `identifier` counts once. */
  createMeterEvent(params: Params, request?: RequestInfo): Promise<Mutation<MeterEventObject>> {
    return this.mutate(request, (tx) => createMeterEvent(tx, params));
  }

  createCoupon(params: Params, request?: RequestInfo): Promise<Mutation<CouponObject>> {
    return this.mutate(request, (tx) => createCoupon(tx, params));
  }

  async retrieveCoupon(id: string): Promise<CouponObject> {
    return withValidity(await this.retrieve<CouponObject>(id, 'coupon'), this.now());
  }

  updateCoupon(id: string, params: Params, request?: RequestInfo): Promise<Mutation<CouponObject>> {
    return this.mutate(request, (tx) => updateCoupon(tx, id, params));
  }

  listCoupons(params: Params = {}): Promise<ListObject<CouponObject>> {
    return this.list('coupon', params, '/v1/coupons', (coupons: CouponObject[]) => filterCoupons(coupons, this.now()));
  }

  createPromotionCode(params: Params, request?: RequestInfo): Promise<Mutation<PromotionCodeObject>> {
    return this.mutate(request, (tx) => createPromotionCode(tx, params));
  }

  retrievePromotionCode(id: string): Promise<PromotionCodeObject> {
    return this.retrieve(id, 'promotion_code');
  }

  updatePromotionCode(id: string, params: Params, request?: RequestInfo): Promise<Mutation<PromotionCodeObject>> {
    return this.mutate(request, (tx) => updatePromotionCode(tx, id, params));
  }

  /** Filters: code (case-insensitive), coupon, active, customer. */
  listPromotionCodes(params: Params = {}): Promise<ListObject<PromotionCodeObject>> {
    return this.list('promotion_code', params, '/v1/promotion_codes', filterPromotionCodes);
  }

  retrieveDiscount(id: string): Promise<DiscountObject> {
    return this.retrieve(id, 'discount');
  }

  // ----------------------------------------------------------------------------------------- subscriptions

  retrieveSubscription(id: string): Promise<SubscriptionObject> {
    return this.retrieve(id, 'subscription');
  }

  /** Filters: customer, price, status (default: all but canceled; 'all'; 'ended' = canceled or incomplete_expired). */
  listSubscriptions(params: Params = {}): Promise<ListObject<SubscriptionObject>> {
    return this.list('subscription', params, '/v1/subscriptions', filterSubscriptions);
  }

  updateSubscription(id: string, params: Params, request?: RequestInfo): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(request, (tx) => updateSubscription(tx, id, params));
  }

  cancelSubscription(id: string, params: Params = {}, request?: RequestInfo): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(request, (tx) => cancelSubscription(tx, id, params));
  }

  pauseSubscription(id: string, _params: Params = {}, request?: RequestInfo): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(request, (tx) => pauseSubscription(tx, id));
  }

  resumeSubscription(id: string, params: Params = {}, request?: RequestInfo): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(request, (tx) => resumeSubscription(tx, id, params));
  }

  // -------------------------------------------------------------------------------- invoices and payments

  retrieveInvoice(id: string): Promise<InvoiceObject> {
    return this.retrieve(id, 'invoice');
  }

  /** `auto_advance` (automatic collection) and metadata of a draft or open invoice. */
  updateInvoice(id: string, params: Params = {}, request?: RequestInfo): Promise<Mutation<InvoiceObject>> {
    return this.mutate(request, (tx) => updateInvoice(tx, id, params));
  }

  /** Filters: customer, subscription, status. */
  listInvoices(params: Params = {}): Promise<ListObject<InvoiceObject>> {
    return this.list('invoice', params, '/v1/invoices', filterInvoices);
  }

  /** What an invoice would look like, without changing anything (POST /v1/invoices/create_preview). */
  createInvoicePreview(params: Params): Promise<InvoiceObject> {
    return previewSubscriptionInvoice(this.transaction(), params);
  }

  retrieveInvoicePayment(id: string): Promise<InvoicePaymentObject> {
    return this.retrieve(id, 'invoice_payment');
  }

  /** Filters: invoice, status, payment[payment_intent]. */
  listInvoicePayments(params: Params = {}): Promise<ListObject<InvoicePaymentObject>> {
    return this.list('invoice_payment', params, '/v1/invoice_payments', filterInvoicePayments);
  }

  retrievePaymentIntent(id: string): Promise<PaymentIntentObject> {
    return this.retrieve(id, 'payment_intent');
  }

  retrieveCharge(id: string): Promise<ChargeObject> {
    return this.retrieve(id, 'charge');
  }

  createRefund(params: Params, request?: RequestInfo): Promise<Mutation<RefundObject>> {
    return this.mutate(request, (tx) => createRefund(tx, params));
  }

  retrieveRefund(id: string): Promise<RefundObject> {
    return this.retrieve(id, 'refund');
  }

  retrieveDispute(id: string): Promise<DisputeObject> {
    return this.retrieve(id, 'dispute');
  }

  /** Filters: charge, payment_intent. */
  listDisputes(params: Params = {}): Promise<ListObject<DisputeObject>> {
    return this.list('dispute', params, '/v1/disputes', filterDisputes);
  }

  retrieveEvent(id: string): Promise<EventObject> {
    return this.retrieve(id, 'event');
  }

  /** Filters: type, types[]. */
  listEvents(params: Params = {}): Promise<ListObject<EventObject>> {
    return this.list('event', params, '/v1/events', filterEvents);
  }

  // ------------------------------------------------------------------------------------------ Connect

  createAccount(params: Params = {}, request?: RequestInfo): Promise<Mutation<AccountObject>> {
    return this.mutate(request, (tx) => createAccount(tx, params));
  }

  retrieveAccount(id: string): Promise<AccountObject> {
    return this.retrieve(id, 'account');
  }

  updateAccount(id: string, params: Params, request?: RequestInfo): Promise<Mutation<AccountObject>> {
    return this.mutate(request, (tx) => updateAccount(tx, id, params));
  }

  createAccountLink(params: Params, request?: RequestInfo): Promise<Mutation<AccountLinkObject>> {
    return this.mutate(request, (tx) => createAccountLink(tx, params));
  }

  createTransfer(params: Params, request?: RequestInfo): Promise<Mutation<TransferObject>> {
    return this.mutate(request, (tx) => createTransfer(tx, params));
  }

  retrieveTransfer(id: string): Promise<TransferObject> {
    return this.retrieve(id, 'transfer');
  }

  createTransferReversal(
    transferId: string,
    params: Params,
    request?: RequestInfo,
  ): Promise<Mutation<TransferReversalObject>> {
    return this.mutate(request, (tx) => reverseTransfer(tx, transferId, params));
  }

  retrieveApplicationFee(id: string): Promise<ApplicationFeeObject> {
    return this.retrieve(id, 'application_fee');
  }

  retrievePayout(id: string): Promise<PayoutObject> {
    return this.retrieve(id, 'payout');
  }

  /** A connected account's available balance per currency. */
  connectBalance(accountId: string): Promise<Record<string, number>> {
    return balanceOf(this.transaction(), accountId);
  }

  /** The account link behind an onboarding page, or undefined (for the sandbox's page). */
  async accountLink(linkId: string): Promise<AccountLinkDetails | undefined> {
    const found = await this.store.get<AccountLinkDetails>(linkId);
    return found?.object === 'emulator.account_link' ? found : undefined;
  }

  /** The line items of a payment-mode Checkout Session (for the sandbox's page). */
  paymentLineItems(sessionId: string): Promise<Array<{ name: string; unit_amount: number; quantity: number }>> {
    return paymentLineItems(this.transaction(), sessionId);
  }

  /** The person completes Express onboarding on the page an account link opened (event account.updated). */
  completeOnboarding(linkId: string): Promise<Mutation<AccountObject>> {
    return this.mutate(undefined, (tx) => completeOnboarding(tx, linkId));
  }

  /** Stripe's automatic payout run over every connected account (or one) not on a manual schedule (events payout.created). */
  async runPayouts(accountId?: string): Promise<{ result: PayoutObject[]; events: EventObject[] }> {
    let made: PayoutObject[] = [];
    const { events } = await this.mutate(undefined, async (tx) => {
      made = await runPayouts(tx, accountId);
      return { id: 'emulator_payout_run', object: 'emulator.payout_run' };
    });
    return { result: made, events };
  }

  /** The bank pays (payout.paid) or returns (payout.failed) a payout. */
  settlePayout(payoutId: string, outcome: 'paid' | 'failed'): Promise<Mutation<PayoutObject>> {
    return this.mutate(undefined, (tx) => settlePayout(tx, payoutId, outcome));
  }

  // --------------------------------------------------------------- simulations (what only Stripe's side does)

  /** The customer pays (or gives up) on the Checkout page, optionally typing a promotion code (allow_promotion_codes). */
  completeCheckout(
    sessionId: string,
    outcome: CheckoutOutcome,
    input: CheckoutPageInput = {},
  ): Promise<Mutation<CheckoutSessionObject>> {
    return this.mutate(undefined, (tx) => completeCheckout(tx, sessionId, outcome, input));
  }

  /** The subscription reaches the end of its current period. */
  renew(subscriptionId: string): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(undefined, (tx) => renewSubscription(tx, subscriptionId));
  }

  /** How the customer's card answers future payment attempts (renewals, invoiced upgrades, retries, resumes). */
  setPaymentOutcome(customerId: string, outcome: PaymentOutcome): Promise<Mutation<CustomerObject>> {
    return this.mutate(undefined, async (tx) => {
      const customer = await tx.require<CustomerObject>(customerId, 'customer');
      storePaymentOutcome(tx, customerId, outcome);
      return customer;
    });
  }

  /** Stripe's automatic retry of an open invoice. */
  retryInvoicePayment(invoiceId: string): Promise<Mutation<InvoiceObject>> {
    return this.mutate(undefined, (tx) => retryInvoicePayment(tx, invoiceId));
  }

  /** Retries are exhausted: a past_due subscription becomes unpaid. */
  markUnpaid(subscriptionId: string): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(undefined, (tx) => markUnpaid(tx, subscriptionId));
  }

  /** The trial ends now: the subscription is invoiced and becomes active (past_due if the card declines). */
  endTrial(subscriptionId: string): Promise<Mutation<SubscriptionObject>> {
    return this.mutate(undefined, (tx) => updateSubscription(tx, subscriptionId, { trial_end: 'now' }));
  }

  /** The cardholder disputes the charge. */
  createDispute(chargeId: string, reason = 'fraudulent'): Promise<Mutation<DisputeObject>> {
    return this.mutate(undefined, (tx) => createDispute(tx, chargeId, reason));
  }

  /** The bank decides the dispute: won (the money comes back) or lost. */
  closeDispute(disputeId: string, outcome: DisputeOutcome): Promise<Mutation<DisputeObject>> {
    return this.mutate(undefined, (tx) => closeDispute(tx, disputeId, outcome));
  }

  // ------------------------------------------------------------------------------------------- machinery

  private transaction(request?: RequestInfo): Transaction {
    return new Transaction({
      store: this.store,
      now: this.now(),
      newId: this.newId,
      urls: this.urls,
      request: { id: request?.requestId ?? null, idempotency_key: request?.idempotencyKey ?? null },
    });
  }

  private async mutate<T extends EmulatorObject>(
    request: RequestInfo | undefined,
    work: (tx: Transaction) => T | Promise<T>,
  ): Promise<Mutation<T>> {
    // One write at a time: an operation reads, decides and writes without another interleaving.
    const run = this.writes.then(async () => {
      const tx = this.transaction(request);
      const produced = await work(tx);
      await tx.commit();
      const result = (await tx.find<T>(produced.id, produced.object)) ?? produced;
      return { result, events: tx.events };
    });
    this.writes = run.catch(() => undefined);
    const mutation = await run;
    this.notify(mutation.events);
    return mutation;
  }

  /**
   * Hands the events to every listener. A listener still busy with earlier events (its promise pending) gets
   * these after it finishes, so each listener sees events in order; an idle one is called right away.
   */
  private notify(events: EventObject[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      const busy = this.deliveries.get(listener);
      const deliver = () => listener(structuredClone(events));
      const delivery = busy ? busy.then(deliver) : callSafely(deliver);
      if (!(delivery instanceof Promise)) continue;
      const settled: Promise<void> = delivery.then(
        () => undefined,
        (error: unknown) => this.onListenerError(error),
      );
      this.deliveries.set(listener, settled);
      void settled.then(() => {
        if (this.deliveries.get(listener) === settled) this.deliveries.delete(listener);
      });
    }
  }

  private retrieve<T extends EmulatorObject>(id: string, objectType: string): Promise<T> {
    return this.transaction().require<T>(id, objectType);
  }

  private async list<T extends EmulatorObject>(
    objectType: string,
    params: Params,
    url: string,
    filter: (objects: T[], params: Params) => T[],
  ): Promise<ListObject<T>> {
    const objects = await this.store.list<T>(objectType);
    return paginate(filter(objects, params), params, url);
  }
}

/** Runs a listener call, turning a synchronous throw into a rejected promise. */
function callSafely(call: () => void | Promise<void>): void | Promise<void> {
  try {
    return call();
  } catch (error) {
    return Promise.reject(
      error instanceof Error ? error : new Error('A listener threw a non-Error value', { cause: error }),
    );
  }
}

// --------------------------------------------------------------------------------------------- list filters

function filterSubscriptions(subscriptions: SubscriptionObject[], params: Params): SubscriptionObject[] {
  const customer = optionalString(params, 'customer');
  const price = optionalString(params, 'price');
  const status = optionalString(params, 'status');
  const statusMatches = (subscription: SubscriptionObject) => {
    if (status === undefined) return subscription.status !== 'canceled';
    if (status === 'all') return true;
    if (status === 'ended') return subscription.status === 'canceled' || subscription.status === 'incomplete_expired';
    return subscription.status === status;
  };
  return subscriptions.filter(
    (subscription) =>
      (customer === undefined || subscription.customer === customer) &&
      (price === undefined || subscription.items.data.some((item) => item.price.id === price)) &&
      statusMatches(subscription),
  );
}

function filterInvoices(invoices: InvoiceObject[], params: Params): InvoiceObject[] {
  const customer = optionalString(params, 'customer');
  const subscription = optionalString(params, 'subscription');
  const status = optionalString(params, 'status');
  return invoices.filter(
    (invoice) =>
      (customer === undefined || invoice.customer === customer) &&
      (subscription === undefined || invoice.parent.subscription_details.subscription === subscription) &&
      (status === undefined || invoice.status === status),
  );
}

function filterInvoicePayments(payments: InvoicePaymentObject[], params: Params): InvoicePaymentObject[] {
  const invoice = optionalString(params, 'invoice');
  const status = optionalString(params, 'status');
  const payment = params.payment;
  const intent =
    typeof payment === 'object' && payment !== null
      ? optionalString(payment as Params, 'payment_intent', 'payment[payment_intent]')
      : undefined;
  return payments.filter(
    (candidate) =>
      (invoice === undefined || candidate.invoice === invoice) &&
      (status === undefined || candidate.status === status) &&
      (intent === undefined || candidate.payment.payment_intent === intent),
  );
}

function filterEvents(events: EventObject[], params: Params): EventObject[] {
  const type = optionalString(params, 'type');
  const types = listParam(params, 'types').map(String);
  const matches = (eventType: string, pattern: string) =>
    pattern.endsWith('.*') ? eventType.startsWith(pattern.slice(0, -1)) : eventType === pattern;
  return events.filter(
    (event) =>
      (type === undefined || matches(event.type, type)) &&
      (types.length === 0 || types.some((pattern) => matches(event.type, pattern))),
  );
}
