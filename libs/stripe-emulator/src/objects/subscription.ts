/** Stripe's `subscription` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { Period } from '../billing-math.js';
import type { EmulatorObject } from '../store.js';
import { listOf, type ListObject, type Metadata } from './common.js';
import { planFromPrice, type RecurringPrice } from './price.js';

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

export type SubscriptionStatus =
  'active' | 'canceled' | 'incomplete' | 'incomplete_expired' | 'past_due' | 'paused' | 'trialing' | 'unpaid';

export interface CancellationDetails {
  comment: string | null;
  feedback: string | null;
  reason: 'cancellation_requested' | 'payment_disputed' | 'payment_failed' | null;
}

export interface PausedStatusDetails {
  paused: { type: 'subscription'; subscription: { type: 'pause_requested' }; transitioned_at: number };
}

/** Payment collection paused (the subscription's status is unchanged); the emulator supports behavior=void. */
export interface PauseCollection {
  behavior: 'void';
  resumes_at: number | null;
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
  pause_collection: PauseCollection | null;
  metadata: Metadata;
  description: string | null;
  created: number;
  start_date: number;
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
