/** Stripe's `invoice` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { Period } from '../billing-math.js';
import type { EmulatorObject } from '../store.js';
import { listOf, type ListObject, type Metadata } from './common.js';
import type { CustomerObject } from './customer.js';
import type { PriceObject } from './price.js';
import type { SubscriptionObject } from './subscription.js';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export type BillingReason =
  'subscription_create' | 'subscription_cycle' | 'subscription_update' | 'upcoming' | 'manual';

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
  /** False: automatic collection (retries) is off until turned back on. */
  auto_advance: boolean;
  next_payment_attempt: number | null;
  metadata: Metadata;
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
  status_transitions: {
    finalized_at: number | null;
    paid_at: number | null;
    voided_at: number | null;
    marked_uncollectible_at: number | null;
  };
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

export function buildInvoiceLine(fields: {
  id: string;
  invoice: string | null;
  subscription: string;
  draft: LineDraft;
}): InvoiceLineObject {
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

export function buildInvoiceItem(fields: {
  id: string;
  now: number;
  customer: string;
  subscription: string;
  draft: LineDraft;
}): InvoiceItemObject {
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
  /** What a discount takes off (per line in `lines[].discount_amounts`), see coupons.ts. */
  discount?: { id: string; amount: number };
}): InvoiceObject {
  const subtotal = fields.lines.reduce((sum, line) => sum + line.amount, 0);
  const discountAmount = fields.discount?.amount ?? 0;
  const total = subtotal - discountAmount;
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
    discounts: fields.discount ? [fields.discount.id] : [],
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
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: fields.discount ? [{ amount: discountAmount, discount: fields.discount.id }] : [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}
