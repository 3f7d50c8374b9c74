/** Stripe's `price` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { Interval } from '../billing-math.js';
import type { EmulatorObject } from '../store.js';
import type { Metadata } from './common.js';

export interface Recurring {
  interval: Interval;
  interval_count: number;
  /** The billing meter a `metered` price bills from (null for licensed prices). */
  meter: string | null;
  trial_period_days: null;
  usage_type: 'licensed' | 'metered';
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

export function buildPrice(fields: {
  id: string;
  now: number;
  product: string;
  currency: string;
  unitAmount: number;
  recurring: {
    interval: Interval;
    interval_count: number;
    usage_type?: 'licensed' | 'metered';
    meter?: string | null;
  } | null;
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
    recurring: fields.recurring && {
      interval: fields.recurring.interval,
      interval_count: fields.recurring.interval_count,
      meter: fields.recurring.meter ?? null,
      trial_period_days: null,
      usage_type: fields.recurring.usage_type ?? 'licensed',
    },
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
