/**
 * The Stripe objects the emulator keeps, shaped like API version 2026-10-28.endive (see node_modules/stripe/cjs/resources).
 * The interfaces name the fields the emulator reads or writes; the builders also fill the other fields the SDK
 * types declare, with the values an account without those features has (null, [], false).
 */
import type { Interval, Period } from './billing-math.js';
import type { EmulatorObject } from './store.js';

export const API_VERSION = '2026-10-28.endive';

export type Metadata = Record<string, string>;

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
  total_count?: number;
}

export interface Recurring {
  interval: Interval;
  interval_count: number;
  meter: null;
  trial_period_days: null;
  usage_type: 'licensed';
}

export interface CustomerObject extends EmulatorObject {
  object: 'customer';
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Metadata;
  /** Negative = credit the customer has with us (what a downgrade invoice leaves behind), applied to later invoices. */
  balance: number;
  invoice_prefix: string;
  next_invoice_sequence: number;
}

export interface ProductObject extends EmulatorObject {
  object: 'product';
  active: boolean;
  name: string;
  description: string | null;
  metadata: Metadata;
  created: number;
  updated: number;
}

export interface PriceObject extends EmulatorObject {
  object: 'price';
  active: boolean;
  product: string;
  currency: string;
  unit_amount: number;
  unit_amount_decimal: string;
  recurring: Recurring | null;
  type: 'recurring' | 'one_time';
  lookup_key: string | null;
  nickname: string | null;
  metadata: Metadata;
  created: number;
}

export type RecurringPrice = PriceObject & { recurring: Recurring };

export type CheckoutStatus = 'open' | 'complete' | 'expired';

export interface CheckoutSessionObject extends EmulatorObject {
  object: 'checkout.session';
  status: CheckoutStatus;
  mode: 'subscription';
  url: string | null;
  customer: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  client_reference_id: string | null;
  metadata: Metadata;
  subscription: string | null;
  invoice: string | null;
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  expires_at: number;
  created: number;
}

/** What a Checkout Session remembers for later but the API does not show on the session itself. */
export interface CheckoutDetails extends EmulatorObject {
  object: 'emulator.checkout_details';
  line_items: Array<{ price: string; quantity: number }>;
  subscription_data: { metadata: Metadata; trial_period_days: number | null; description: string | null };
}

export interface PortalSessionObject extends EmulatorObject {
  object: 'billing_portal.session';
  customer: string;
  return_url: string | null;
  url: string;
  created: number;
}

export interface SubscriptionItemObject extends EmulatorObject {
  object: 'subscription_item';
  price: RecurringPrice;
  plan: Record<string, unknown>;
  quantity: number;
  current_period_start: number;
  current_period_end: number;
  subscription: string;
  created: number;
  metadata: Metadata;
}

export type SubscriptionStatus = 'active' | 'canceled' | 'incomplete' | 'incomplete_expired' | 'past_due' | 'paused' | 'trialing' | 'unpaid';

export interface CancellationDetails {
  comment: string | null;
  feedback: string | null;
  reason: 'cancellation_requested' | 'payment_disputed' | 'payment_failed' | null;
}

export interface PausedStatusDetails {
  paused: { type: 'subscription'; subscription: { type: 'pause_requested' }; transitioned_at: number };
}

export interface SubscriptionObject extends EmulatorObject {
  object: 'subscription';
  customer: string;
  status: SubscriptionStatus;
  status_details?: PausedStatusDetails;
  items: ListObject<SubscriptionItemObject>;
  currency: string;
  billing_cycle_anchor: number;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  cancellation_details: CancellationDetails;
  trial_start: number | null;
  trial_end: number | null;
  latest_invoice: string | null;
  metadata: Metadata;
  description: string | null;
  created: number;
  start_date: number;
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
export type BillingReason = 'subscription_create' | 'subscription_cycle' | 'subscription_update' | 'upcoming' | 'manual';

export interface InvoiceLineObject {
  id: string;
  object: 'line_item';
  amount: number;
  currency: string;
  description: string;
  period: Period;
  quantity: number;
  invoice: string | null;
  subscription: string;
  pricing: { type: 'price_details'; price_details: { price: string; product: string }; unit_amount_decimal: string };
  parent: {
    type: 'subscription_item_details';
    invoice_item_details: null;
    subscription_item_details: {
      subscription: string;
      subscription_item: string;
      proration: boolean;
      invoice_item: string | null;
      proration_details: { credited_items: null } | null;
    };
  };
  [key: string]: unknown;
}

export interface InvoiceObject extends EmulatorObject {
  object: 'invoice';
  id: string;
  customer: string;
  status: InvoiceStatus;
  number: string | null;
  billing_reason: BillingReason;
  currency: string;
  subtotal: number;
  total: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  starting_balance: number;
  ending_balance: number | null;
  attempt_count: number;
  attempted: boolean;
  next_payment_attempt: number | null;
  period_start: number;
  period_end: number;
  created: number;
  hosted_invoice_url: string | null;
  invoice_pdf: string | null;
  parent: {
    type: 'subscription_details';
    quote_details: null;
    subscription_details: { subscription: string; metadata: Metadata; subscription_proration_date?: number };
  };
  lines: ListObject<InvoiceLineObject>;
  status_transitions: { finalized_at: number | null; paid_at: number | null; voided_at: number | null; marked_uncollectible_at: number | null };
}

/** A pending charge or credit (a proration) waiting for the subscription's next invoice. */
export interface InvoiceItemObject extends EmulatorObject {
  object: 'invoiceitem';
  customer: string;
  amount: number;
  currency: string;
  description: string;
  period: Period;
  quantity: number;
  invoice: string | null;
  proration: boolean;
  pricing: { type: 'price_details'; price_details: { price: string; product: string }; unit_amount_decimal: string };
  parent: { type: 'subscription_details'; subscription_details: { subscription: string; subscription_item: string } };
  date: number;
}

export interface PaymentIntentObject extends EmulatorObject {
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  customer: string;
  description: string | null;
  status: 'requires_payment_method' | 'succeeded';
  latest_charge: string | null;
  last_payment_error: Record<string, unknown> | null;
  created: number;
}

export interface ChargeObject extends EmulatorObject {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  customer: string;
  payment_intent: string;
  status: 'succeeded' | 'failed';
  paid: boolean;
  refunded: boolean;
  disputed: boolean;
  receipt_url: string | null;
  created: number;
}

export interface InvoicePaymentObject extends EmulatorObject {
  object: 'invoice_payment';
  invoice: string;
  amount_paid: number | null;
  amount_requested: number;
  currency: string;
  status: 'open' | 'paid' | 'canceled';
  is_default: boolean;
  payment: { type: 'payment_intent'; payment_intent: string };
  status_transitions: { canceled_at: number | null; paid_at: number | null };
  created: number;
}

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface RefundObject extends EmulatorObject {
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'succeeded';
  reason: RefundReason | null;
  metadata: Metadata;
  created: number;
}

export interface DisputeObject extends EmulatorObject {
  object: 'dispute';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  reason: string;
  status: 'needs_response';
  created: number;
}

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export interface EventObject extends EmulatorObject {
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  data: { object: EmulatorObject; previous_attributes?: Record<string, unknown> };
  request: EventRequest;
}

// ---------------------------------------------------------------------------------------------- builders

export function listOf<T>(data: T[], url: string): ListObject<T> {
  return { object: 'list', data, has_more: false, total_count: data.length, url };
}

export function buildCustomer(fields: {
  id: string;
  now: number;
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Metadata;
}): CustomerObject {
  return {
    id: fields.id,
    object: 'customer',
    address: null,
    balance: 0,
    created: fields.now,
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description,
    discount: null,
    email: fields.email,
    invoice_prefix: invoicePrefixFor(fields.id),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: fields.metadata,
    name: fields.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

// Stripe gives each customer a random 8-character invoice number prefix; derive it from the id so it is stable.
function invoicePrefixFor(customerId: string): string {
  let hash = 0;
  for (const char of customerId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).toUpperCase().padStart(8, '0').slice(-8);
}

export function buildProduct(fields: {
  id: string;
  now: number;
  name: string;
  description: string | null;
  active: boolean;
  metadata: Metadata;
}): ProductObject {
  return {
    id: fields.id,
    object: 'product',
    active: fields.active,
    created: fields.now,
    default_price: null,
    description: fields.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata,
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: fields.now,
    url: null,
  };
}

export function buildPrice(fields: {
  id: string;
  now: number;
  product: string;
  currency: string;
  unitAmount: number;
  recurring: { interval: Interval; interval_count: number } | null;
  active: boolean;
  lookupKey: string | null;
  nickname: string | null;
  metadata: Metadata;
}): PriceObject {
  return {
    id: fields.id,
    object: 'price',
    active: fields.active,
    billing_scheme: 'per_unit',
    created: fields.now,
    currency: fields.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: fields.lookupKey,
    metadata: fields.metadata,
    nickname: fields.nickname,
    product: fields.product,
    recurring: fields.recurring && { ...fields.recurring, meter: null, trial_period_days: null, usage_type: 'licensed' },
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: fields.recurring ? 'recurring' : 'one_time',
    unit_amount: fields.unitAmount,
    unit_amount_decimal: String(fields.unitAmount),
  };
}

/** The legacy `plan` view of a recurring price that subscription items still carry. */
export function planFromPrice(price: RecurringPrice): Record<string, unknown> {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: price.recurring.interval,
    interval_count: price.recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}

export function buildCheckoutSession(fields: {
  id: string;
  now: number;
  url: string;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  successUrl: string | null;
  cancelUrl: string | null;
  allowPromotionCodes: boolean | null;
  amountTotal: number;
  currency: string;
  expiresAt: number;
}): CheckoutSessionObject {
  return {
    id: fields.id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: fields.allowPromotionCodes,
    amount_subtotal: fields.amountTotal,
    amount_total: fields.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: fields.cancelUrl,
    client_reference_id: fields.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: fields.now,
    currency: fields.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: fields.customer,
    customer_account: null,
    customer_creation: fields.customer ? null : 'always',
    customer_details: null,
    customer_email: fields.customerEmail,
    discounts: [],
    expires_at: fields.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: fields.metadata,
    mode: 'subscription',
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'always',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: fields.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: fields.url,
    wallet_options: null,
  };
}

export function buildPortalSession(fields: { id: string; now: number; customer: string; returnUrl: string | null; url: string }): PortalSessionObject {
  return {
    id: fields.id,
    object: 'billing_portal.session',
    configuration: 'bpc_emulator_default',
    created: fields.now,
    customer: fields.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: fields.returnUrl,
    url: fields.url,
  };
}

export function buildSubscriptionItem(fields: {
  id: string;
  now: number;
  subscription: string;
  price: RecurringPrice;
  quantity: number;
  period: Period;
}): SubscriptionItemObject {
  return {
    id: fields.id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: fields.now,
    current_period_end: fields.period.end,
    current_period_start: fields.period.start,
    discounts: [],
    metadata: {},
    plan: planFromPrice(fields.price),
    price: fields.price,
    quantity: fields.quantity,
    subscription: fields.subscription,
    tax_rates: [],
  };
}

export function buildSubscription(fields: {
  id: string;
  now: number;
  customer: string;
  items: SubscriptionItemObject[];
  currency: string;
  status: SubscriptionStatus;
  billingCycleAnchor: number;
  trial: Period | null;
  metadata: Metadata;
  description: string | null;
}): SubscriptionObject {
  return {
    id: fields.id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: fields.billingCycleAnchor,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: { proration_discounts: 'included' }, type: 'flexible', updated_at: fields.now },
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created: fields.now,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: fields.description,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: listOf(fields.items, `/v1/subscription_items?subscription=${fields.id}`),
    latest_invoice: null,
    livemode: false,
    metadata: fields.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: fields.now,
    status: fields.status,
    test_clock: null,
    transfer_data: null,
    trial_end: fields.trial?.end ?? null,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: fields.trial?.start ?? null,
  };
}

/** One line of an invoice before it has an id: what is charged (or credited) for which item and period. */
export interface LineDraft {
  amount: number;
  description: string;
  period: Period;
  price: PriceObject;
  quantity: number;
  subscriptionItem: string;
  proration: boolean;
  /** Set when the line comes from a pending invoice item. */
  invoiceItem?: string;
}

export function buildInvoiceLine(fields: { id: string; invoice: string | null; subscription: string; draft: LineDraft }): InvoiceLineObject {
  const { draft } = fields;
  return {
    id: fields.id,
    object: 'line_item',
    amount: draft.amount,
    currency: draft.price.currency,
    description: draft.description,
    discount_amounts: [],
    discountable: !draft.proration,
    discounts: [],
    invoice: fields.invoice,
    livemode: false,
    metadata: {},
    parent: {
      type: 'subscription_item_details',
      invoice_item_details: null,
      subscription_item_details: {
        invoice_item: draft.invoiceItem ?? null,
        proration: draft.proration,
        proration_details: draft.proration ? { credited_items: null } : null,
        subscription: fields.subscription,
        subscription_item: draft.subscriptionItem,
      },
    },
    period: draft.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      price_details: { price: draft.price.id, product: draft.price.product },
      unit_amount_decimal: draft.price.unit_amount_decimal,
    },
    quantity: draft.quantity,
    subscription: fields.subscription,
    subtotal: draft.amount,
    taxes: [],
  };
}

export function buildInvoiceItem(fields: { id: string; now: number; customer: string; subscription: string; draft: LineDraft }): InvoiceItemObject {
  const { draft } = fields;
  return {
    id: fields.id,
    object: 'invoiceitem',
    amount: draft.amount,
    currency: draft.price.currency,
    customer: fields.customer,
    date: fields.now,
    description: draft.description,
    discountable: false,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: {},
    net_amount: draft.amount,
    parent: {
      type: 'subscription_details',
      subscription_details: { subscription: fields.subscription, subscription_item: draft.subscriptionItem },
    },
    period: draft.period,
    pricing: {
      type: 'price_details',
      price_details: { price: draft.price.id, product: draft.price.product },
      unit_amount_decimal: draft.price.unit_amount_decimal,
    },
    proration: draft.proration,
    quantity: draft.quantity,
    test_clock: null,
  };
}

export function buildInvoice(fields: {
  id: string;
  now: number;
  customer: CustomerObject;
  subscription: SubscriptionObject;
  billingReason: BillingReason;
  currency: string;
  lines: InvoiceLineObject[];
  period: Period;
  prorationDate?: number;
}): InvoiceObject {
  const total = fields.lines.reduce((sum, line) => sum + line.amount, 0);
  // A credit balance (negative) pays part of the invoice; a negative total leaves a credit behind.
  const startingBalance = fields.customer.balance;
  const owed = total + startingBalance;
  const amountDue = Math.max(0, owed);
  return {
    id: fields.id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'Showrunner (Stripe emulator)',
    account_tax_ids: null,
    amount_due: amountDue,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amountDue,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: fields.billingReason,
    collection_method: 'charge_automatically',
    created: fields.now,
    currency: fields.currency,
    custom_fields: null,
    customer: fields.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: fields.customer.email,
    customer_name: fields.customer.name,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: listOf(fields.lines, `/v1/invoices/${fields.id}/lines`),
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: {
        subscription: fields.subscription.id,
        metadata: { ...fields.subscription.metadata },
        ...(fields.prorationDate === undefined ? {} : { subscription_proration_date: fields.prorationDate }),
      },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: fields.period.end,
    period_start: fields.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: startingBalance,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}

export function buildPaymentIntent(fields: { id: string; now: number; amount: number; currency: string; customer: string; description: string }): PaymentIntentObject {
  return {
    id: fields.id,
    object: 'payment_intent',
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${fields.id}_secret_emulator`,
    confirmation_method: 'automatic',
    created: fields.now,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: 'pm_card_visa',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
  };
}

export function buildCharge(fields: {
  id: string;
  now: number;
  paymentIntent: PaymentIntentObject;
  succeeded: boolean;
  receiptUrl: string;
  billingEmail: string | null;
}): ChargeObject {
  const { paymentIntent: intent, succeeded } = fields;
  return {
    id: fields.id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: fields.billingEmail, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'SHOWRUNNER',
    captured: succeeded,
    created: fields.now,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: succeeded ? null : 'card_declined',
    failure_message: succeeded ? null : 'Your card was declined.',
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: succeeded
      ? { network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' }
      : {
          network_status: 'declined_by_network',
          reason: 'generic_decline',
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: 'pm_card_visa',
    payment_method_details: {
      type: 'card',
      card: { brand: 'visa', country: 'US', exp_month: 12, exp_year: 2034, funding: 'credit', last4: succeeded ? '4242' : '0002' },
    },
    receipt_email: null,
    receipt_number: null,
    receipt_url: succeeded ? fields.receiptUrl : null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

export function buildInvoicePayment(fields: { id: string; now: number; invoice: InvoiceObject; paymentIntent: string }): InvoicePaymentObject {
  return {
    id: fields.id,
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: fields.invoice.amount_due,
    created: fields.now,
    currency: fields.invoice.currency,
    invoice: fields.invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: fields.paymentIntent },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}

export function buildRefund(fields: {
  id: string;
  now: number;
  charge: ChargeObject;
  amount: number;
  reason: RefundReason | null;
  metadata: Metadata;
}): RefundObject {
  return {
    id: fields.id,
    object: 'refund',
    amount: fields.amount,
    balance_transaction: null,
    charge: fields.charge.id,
    created: fields.now,
    currency: fields.charge.currency,
    customer: fields.charge.customer,
    customer_account: null,
    destination_details: { type: 'card', card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' } },
    metadata: fields.metadata,
    payment_intent: fields.charge.payment_intent,
    payment_method: 'pm_card_visa',
    reason: fields.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export function buildDispute(fields: { id: string; now: number; charge: ChargeObject; reason: string }): DisputeObject {
  const sevenDays = 7 * 86_400;
  return {
    id: fields.id,
    object: 'dispute',
    amount: fields.charge.amount,
    balance_transactions: [],
    charge: fields.charge.id,
    created: fields.now,
    currency: fields.charge.currency,
    enhanced_eligibility_types: [],
    evidence: {},
    evidence_details: { due_by: fields.now + sevenDays, enhanced_eligibility: {}, has_evidence: false, past_due: false, submission_count: 0 },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: fields.charge.payment_intent,
    reason: fields.reason,
    status: 'needs_response',
  };
}
