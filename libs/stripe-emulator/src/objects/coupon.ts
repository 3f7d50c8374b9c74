/** Stripe's `coupon`, `promotion_code` and `discount` objects as the emulator keeps them (API version 2026-10-28.endive). */
import type { EmulatorObject } from '../store.js';
import type { Metadata } from './common.js';

export type CouponDuration = 'once' | 'repeating' | 'forever';

export interface CouponObject extends EmulatorObject {
  object: 'coupon';
  amount_off: number | null;
  percent_off: number | null;
  currency: string | null;
  duration: CouponDuration;
  duration_in_months: number | null;
  max_redemptions: number | null;
  redeem_by: number | null;
  times_redeemed: number;
  /** False once redeem_by has passed or max_redemptions is reached (Stripe computes it the same way). */
  valid: boolean;
  applies_to?: { products: string[] };
  name: string | null;
  metadata: Metadata;
  created: number;
}

export interface PromotionCodeObject extends EmulatorObject {
  object: 'promotion_code';
  active: boolean;
  code: string;
  customer: string | null;
  expires_at: number | null;
  max_redemptions: number | null;
  times_redeemed: number;
  promotion: { type: 'coupon'; coupon: string };
  restrictions: {
    first_time_transaction: boolean;
    minimum_amount: number | null;
    minimum_amount_currency: string | null;
  };
  metadata: Metadata;
  created: number;
}

/** A coupon applied to a subscription (API 2025+: the coupon is under `source`). */
export interface DiscountObject extends EmulatorObject {
  object: 'discount';
  checkout_session: string | null;
  customer: string | null;
  subscription: string | null;
  promotion_code: string | null;
  source: { type: 'coupon'; coupon: string };
  start: number;
  /** When the discount stops applying: start + duration_in_months (repeating), after the first charge (once), or null (forever). */
  end: number | null;
}

export function buildCoupon(fields: {
  id: string;
  now: number;
  amountOff: number | null;
  percentOff: number | null;
  currency: string | null;
  duration: CouponDuration;
  durationInMonths: number | null;
  maxRedemptions: number | null;
  redeemBy: number | null;
  products: string[] | null;
  name: string | null;
  metadata: Metadata;
}): CouponObject {
  return {
    id: fields.id,
    object: 'coupon',
    amount_off: fields.amountOff,
    ...(fields.products ? { applies_to: { products: fields.products } } : {}),
    created: fields.now,
    currency: fields.currency,
    duration: fields.duration,
    duration_in_months: fields.durationInMonths,
    livemode: false,
    max_redemptions: fields.maxRedemptions,
    metadata: fields.metadata,
    name: fields.name,
    percent_off: fields.percentOff,
    redeem_by: fields.redeemBy,
    times_redeemed: 0,
    valid: true,
  };
}

export function buildPromotionCode(fields: {
  id: string;
  now: number;
  code: string;
  coupon: string;
  active: boolean;
  customer: string | null;
  expiresAt: number | null;
  maxRedemptions: number | null;
  firstTimeTransaction: boolean;
  minimumAmount: number | null;
  minimumAmountCurrency: string | null;
  metadata: Metadata;
}): PromotionCodeObject {
  return {
    id: fields.id,
    object: 'promotion_code',
    active: fields.active,
    code: fields.code,
    created: fields.now,
    customer: fields.customer,
    customer_account: null,
    expires_at: fields.expiresAt,
    livemode: false,
    max_redemptions: fields.maxRedemptions,
    metadata: fields.metadata,
    promotion: { type: 'coupon', coupon: fields.coupon },
    restrictions: {
      first_time_transaction: fields.firstTimeTransaction,
      minimum_amount: fields.minimumAmount,
      minimum_amount_currency: fields.minimumAmountCurrency,
    },
    times_redeemed: 0,
  };
}

export function buildDiscount(fields: {
  id: string;
  now: number;
  coupon: string;
  promotionCode: string | null;
  checkoutSession: string | null;
  customer: string;
  subscription: string;
  end: number | null;
}): DiscountObject {
  return {
    id: fields.id,
    object: 'discount',
    checkout_session: fields.checkoutSession,
    customer: fields.customer,
    customer_account: null,
    end: fields.end,
    invoice: null,
    invoice_item: null,
    promotion_code: fields.promotionCode,
    source: { type: 'coupon', coupon: fields.coupon },
    start: fields.now,
    subscription: fields.subscription,
    subscription_item: null,
  };
}
