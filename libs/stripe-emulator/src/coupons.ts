/** Coupons, promotion codes and the discounts they put on subscriptions and their invoices. */
import { addIntervals } from './billing-math.js';
import { invalidRequest, missingParam } from './errors.js';
import {
  buildCoupon,
  buildDiscount,
  buildPromotionCode,
  type CheckoutSessionObject,
  type CouponDuration,
  type CouponObject,
  type CustomerObject,
  type DiscountObject,
  type InvoiceLineObject,
  type InvoiceObject,
  type PromotionCodeObject,
  type RecurringPrice,
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
  rejectUnknownParams,
  requiredString,
  type Params,
} from './params.js';
import { saveWithEvents, type Transaction } from './transaction.js';

const DURATIONS: readonly CouponDuration[] = ['once', 'repeating', 'forever'];
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

// ------------------------------------------------------------------------------------------------- coupons

/** POST /v1/coupons */
export async function createCoupon(tx: Transaction, params: Params): Promise<CouponObject> {
  rejectUnknownParams(params, [
    'id',
    'percent_off',
    'amount_off',
    'currency',
    'duration',
    'duration_in_months',
    'max_redemptions',
    'redeem_by',
    'applies_to',
    'name',
    'metadata',
  ]);
  const percentOff = optionalPercent(params);
  const amountOff = optionalInteger(params, 'amount_off') ?? null;
  if (percentOff === null && amountOff === null)
    throw invalidRequest('You must pass either percent_off or amount_off.', { param: 'percent_off' });
  if (percentOff !== null && amountOff !== null)
    throw invalidRequest('You may only pass one of percent_off or amount_off.', { param: 'amount_off' });
  if (amountOff !== null && amountOff < 1)
    throw invalidRequest('amount_off must be a positive integer.', { param: 'amount_off' });
  const currency = optionalString(params, 'currency')?.toLowerCase() ?? null;
  if (amountOff !== null && !currency) throw missingParam('currency');
  const duration = optionalEnum(params, 'duration', DURATIONS) ?? 'once';
  const months = optionalInteger(params, 'duration_in_months') ?? null;
  if (duration === 'repeating' && (months === null || months < 1))
    throw invalidRequest('duration_in_months must be a positive integer when duration is repeating.', {
      param: 'duration_in_months',
    });
  if (duration !== 'repeating' && months !== null)
    throw invalidRequest('duration_in_months is only valid when duration is repeating.', {
      param: 'duration_in_months',
    });
  const maxRedemptions = positiveOrNull(params, 'max_redemptions');
  const redeemBy = optionalInteger(params, 'redeem_by') ?? null;
  if (redeemBy !== null && redeemBy <= tx.now)
    throw invalidRequest('redeem_by must be in the future.', { param: 'redeem_by' });
  const products = await readProducts(tx, params);
  const id = optionalString(params, 'id') || tx.id('coupon').replace(/^coupon_/, '');
  if (await tx.find<CouponObject>(id, 'coupon'))
    throw invalidRequest('Coupon already exists.', { code: 'resource_already_exists', param: 'id' });
  const coupon = buildCoupon({
    id,
    now: tx.now,
    amountOff,
    percentOff,
    currency: amountOff !== null ? currency : null,
    duration,
    durationInMonths: months,
    maxRedemptions,
    redeemBy,
    products,
    name: nullableString(params, 'name') ?? null,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(coupon);
  tx.emit('coupon.created', coupon);
  return coupon;
}

/** POST /v1/coupons/:id — only name and metadata change, as on Stripe. */
export async function updateCoupon(tx: Transaction, id: string, params: Params): Promise<CouponObject> {
  rejectUnknownParams(params, ['name', 'metadata']);
  const coupon = await tx.require<CouponObject>(id, 'coupon');
  const before = structuredClone(coupon);
  const name = nullableString(params, 'name');
  if (name !== undefined) coupon.name = name;
  coupon.metadata = mergeMetadata(coupon.metadata, metadataParam(params));
  return withValidity(saveWithEvents(tx, before, coupon, 'coupon.updated'), tx.now);
}

/** `valid` as Stripe reports it: false once redeem_by has passed or every redemption is used. */
export function withValidity(coupon: CouponObject, now: number): CouponObject {
  return { ...coupon, valid: couponProblem(coupon, now) === null };
}

function couponProblem(coupon: CouponObject, now: number): string | null {
  if (coupon.redeem_by !== null && now >= coupon.redeem_by) return `Coupon ${coupon.id} has expired.`;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions)
    return `Coupon ${coupon.id} has reached its maximum number of redemptions.`;
  return null;
}

function optionalPercent(params: Params): number | null {
  const value = params.percent_off;
  if (value === undefined || value === '') return null;
  const percent = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100)
    throw invalidRequest('percent_off must be greater than 0 and at most 100.', { param: 'percent_off' });
  return percent;
}

function positiveOrNull(params: Params, key: string): number | null {
  const value = optionalInteger(params, key) ?? null;
  if (value !== null && value < 1) throw invalidRequest(`${key} must be a positive integer.`, { param: key });
  return value;
}

async function readProducts(tx: Transaction, params: Params): Promise<string[] | null> {
  const appliesTo = hashParam(params, 'applies_to');
  if (appliesTo.products === undefined) return null;
  const products = listParam(appliesTo, 'products', 'applies_to[products]').map(String);
  for (const [index, product] of products.entries())
    await tx.require(product, 'product', `applies_to[products][${index}]`);
  return products;
}

export function filterCoupons(coupons: CouponObject[], now: number): CouponObject[] {
  return coupons.map((coupon) => withValidity(coupon, now));
}

// ----------------------------------------------------------------------------------------- promotion codes

/** POST /v1/promotion_codes */
export async function createPromotionCode(tx: Transaction, params: Params): Promise<PromotionCodeObject> {
  rejectUnknownParams(params, [
    'promotion',
    'code',
    'active',
    'customer',
    'expires_at',
    'max_redemptions',
    'restrictions',
    'metadata',
  ]);
  const promotion = hashParam(params, 'promotion');
  const type = optionalString(promotion, 'type', 'promotion[type]') ?? 'coupon';
  if (type !== 'coupon') throw invalidRequest('promotion[type] must be coupon.', { param: 'promotion[type]' });
  const couponId = requiredString(promotion, 'coupon', 'promotion[coupon]');
  const coupon = await tx.require<CouponObject>(couponId, 'coupon', 'promotion[coupon]');
  const code = optionalString(params, 'code') ?? randomCode(tx);
  if (!/^[A-Za-z0-9_-]{3,500}$/.test(code))
    throw invalidRequest('code may contain letters, digits, - and _ only (3 or more).', { param: 'code' });
  const active = optionalBoolean(params, 'active') ?? true;
  if (active && (await findActiveCode(tx, code)))
    throw invalidRequest(`An active promotion code with code: ${code} already exists.`, {
      code: 'resource_already_exists',
      param: 'code',
    });
  const customer = optionalString(params, 'customer') ?? null;
  if (customer) await tx.require<CustomerObject>(customer, 'customer', 'customer');
  const expiresAt = optionalInteger(params, 'expires_at') ?? null;
  if (expiresAt !== null && expiresAt <= tx.now)
    throw invalidRequest('expires_at must be in the future.', { param: 'expires_at' });
  if (expiresAt !== null && coupon.redeem_by !== null && expiresAt > coupon.redeem_by)
    throw invalidRequest("expires_at cannot be after the coupon's redeem_by.", { param: 'expires_at' });
  const restrictions = hashParam(params, 'restrictions');
  const minimumAmount = optionalInteger(restrictions, 'minimum_amount', 'restrictions[minimum_amount]') ?? null;
  const minimumCurrency =
    optionalString(restrictions, 'minimum_amount_currency', 'restrictions[minimum_amount_currency]')?.toLowerCase() ??
    null;
  if (minimumAmount !== null && !minimumCurrency) throw missingParam('restrictions[minimum_amount_currency]');
  const promotionCode = buildPromotionCode({
    id: tx.id('promo'),
    now: tx.now,
    code,
    coupon: coupon.id,
    active,
    customer,
    expiresAt,
    maxRedemptions: positiveOrNull(params, 'max_redemptions'),
    firstTimeTransaction:
      optionalBoolean(restrictions, 'first_time_transaction', 'restrictions[first_time_transaction]') ?? false,
    minimumAmount,
    minimumAmountCurrency: minimumCurrency,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(promotionCode);
  tx.emit('promotion_code.created', promotionCode);
  return promotionCode;
}

/** POST /v1/promotion_codes/:id — `active` and metadata. A deactivated code cannot be reactivated once its coupon is invalid. */
export async function updatePromotionCode(tx: Transaction, id: string, params: Params): Promise<PromotionCodeObject> {
  rejectUnknownParams(params, ['active', 'metadata']);
  const promotionCode = await tx.require<PromotionCodeObject>(id, 'promotion_code');
  const before = structuredClone(promotionCode);
  const active = optionalBoolean(params, 'active');
  if (active === true && !promotionCode.active) {
    const coupon = await tx.require<CouponObject>(promotionCode.promotion.coupon, 'coupon');
    if (couponProblem(coupon, tx.now)) throw invalidRequest(couponProblem(coupon, tx.now)!, { param: 'active' });
    if (await findActiveCode(tx, promotionCode.code))
      throw invalidRequest(`An active promotion code with code: ${promotionCode.code} already exists.`, {
        param: 'active',
      });
  }
  if (active !== undefined) promotionCode.active = active;
  promotionCode.metadata = mergeMetadata(promotionCode.metadata, metadataParam(params));
  return saveWithEvents(tx, before, promotionCode, 'promotion_code.updated');
}

/** Filters: code (case-insensitive, as customers type it), coupon, active, customer. */
export function filterPromotionCodes(codes: PromotionCodeObject[], params: Params): PromotionCodeObject[] {
  const code = optionalString(params, 'code')?.toLowerCase();
  const coupon = optionalString(params, 'coupon');
  const active = optionalBoolean(params, 'active');
  const customer = optionalString(params, 'customer');
  return codes.filter(
    (candidate) =>
      (code === undefined || candidate.code.toLowerCase() === code) &&
      (coupon === undefined || candidate.promotion.coupon === coupon) &&
      (active === undefined || candidate.active === active) &&
      (customer === undefined || candidate.customer === customer),
  );
}

/** The active promotion code with this code (codes compare case-insensitively, as customers type them). */
async function findActiveCode(tx: Transaction, code: string): Promise<PromotionCodeObject | undefined> {
  const codes = await tx.list<PromotionCodeObject>('promotion_code');
  return codes.find((candidate) => candidate.active && candidate.code.toLowerCase() === code.toLowerCase());
}

function randomCode(tx: Transaction): string {
  // Derived from a fresh id so codes follow the emulator's id factory (reproducible in tests).
  const source = tx.id('code').slice(5);
  let code = '';
  for (const char of source.slice(0, 8)) code += CODE_ALPHABET[char.charCodeAt(0) % CODE_ALPHABET.length];
  return code;
}

// --------------------------------------------------------------------------------------------- at checkout

/** The coupon (and promotion code) a Checkout Session will apply. */
export interface CheckoutDiscount {
  coupon: CouponObject;
  promotionCode: PromotionCodeObject | null;
}

interface Purchase {
  lineItems: Array<{ price: RecurringPrice; quantity: number }>;
  customer: string | null;
  /** What the first invoice charges before discounts (0 during a trial). */
  firstAmount: number;
}

/** Reads `discounts[0][coupon|promotion_code]` of a Checkout Session and checks it can be applied to this purchase. */
export async function readCheckoutDiscount(
  tx: Transaction,
  params: Params,
  purchase: Purchase,
): Promise<CheckoutDiscount | null> {
  const entries = listParam(params, 'discounts');
  if (entries.length === 0) return null;
  if (optionalBoolean(params, 'allow_promotion_codes') === true)
    throw invalidRequest('You may only specify one of these parameters: allow_promotion_codes, discounts.', {
      param: 'discounts',
    });
  if (entries.length > 1)
    throw invalidRequest('You may only apply one discount to a Checkout Session.', { param: 'discounts' });
  const entry = asParams(entries[0]);
  const couponId = optionalString(entry, 'coupon', 'discounts[0][coupon]');
  const promotionCodeId = optionalString(entry, 'promotion_code', 'discounts[0][promotion_code]');
  if ((couponId === undefined) === (promotionCodeId === undefined))
    throw invalidRequest('Each discount takes exactly one of coupon or promotion_code.', { param: 'discounts[0]' });
  if (couponId !== undefined) {
    const coupon = await tx.require<CouponObject>(couponId, 'coupon', 'discounts[0][coupon]');
    return checkApplicable(tx, { coupon, promotionCode: null }, purchase, 'discounts[0][coupon]');
  }
  const promotionCode = await tx.require<PromotionCodeObject>(
    promotionCodeId!,
    'promotion_code',
    'discounts[0][promotion_code]',
  );
  return checkApplicable(tx, await withCoupon(tx, promotionCode), purchase, 'discounts[0][promotion_code]');
}

/** A code a customer types on the Checkout page (allow_promotion_codes): the active promotion code with that code. */
export async function discountForEnteredCode(
  tx: Transaction,
  code: string,
  purchase: Purchase,
): Promise<CheckoutDiscount> {
  const promotionCode = await findActiveCode(tx, code);
  if (!promotionCode) throw invalidRequest(`This code is invalid: ${code}.`, { code: 'promotion_code_invalid' });
  return checkApplicable(tx, await withCoupon(tx, promotionCode), purchase, 'promotion_code');
}

async function withCoupon(tx: Transaction, promotionCode: PromotionCodeObject): Promise<CheckoutDiscount> {
  return { coupon: await tx.require<CouponObject>(promotionCode.promotion.coupon, 'coupon'), promotionCode };
}

async function checkApplicable(
  tx: Transaction,
  discount: CheckoutDiscount,
  purchase: Purchase,
  param: string,
): Promise<CheckoutDiscount> {
  const { coupon, promotionCode } = discount;
  const problem = couponProblem(coupon, tx.now);
  if (problem) throw invalidRequest(problem, { code: 'coupon_expired', param });
  if (promotionCode) {
    const codeProblem = await promotionCodeProblem(tx, promotionCode, purchase);
    if (codeProblem) throw invalidRequest(codeProblem, { code: 'promotion_code_invalid', param });
  }
  const currency = purchase.lineItems[0].price.currency;
  if (coupon.amount_off !== null && coupon.currency !== currency)
    throw invalidRequest(`Coupon ${coupon.id} is in ${coupon.currency}; this purchase is in ${currency}.`, {
      code: 'coupon_currency_mismatch',
      param,
    });
  const products = coupon.applies_to?.products;
  if (products && !purchase.lineItems.some((item) => products.includes(item.price.product)))
    throw invalidRequest(`Coupon ${coupon.id} does not apply to any product in this purchase.`, {
      code: 'coupon_not_applicable',
      param,
    });
  return discount;
}

async function promotionCodeProblem(
  tx: Transaction,
  promotionCode: PromotionCodeObject,
  purchase: Purchase,
): Promise<string | null> {
  if (!promotionCode.active) return `Promotion code ${promotionCode.code} is inactive.`;
  if (promotionCode.expires_at !== null && tx.now >= promotionCode.expires_at)
    return `Promotion code ${promotionCode.code} has expired.`;
  if (promotionCode.max_redemptions !== null && promotionCode.times_redeemed >= promotionCode.max_redemptions)
    return `Promotion code ${promotionCode.code} has reached its maximum number of redemptions.`;
  if (promotionCode.customer !== null && promotionCode.customer !== purchase.customer)
    return `Promotion code ${promotionCode.code} is for another customer.`;
  const { restrictions } = promotionCode;
  if (restrictions.minimum_amount !== null) {
    const subtotal = purchase.lineItems.reduce((sum, item) => sum + item.price.unit_amount * item.quantity, 0);
    const currency = purchase.lineItems[0].price.currency;
    if (restrictions.minimum_amount_currency !== currency || subtotal < restrictions.minimum_amount)
      return `Promotion code ${promotionCode.code} needs a minimum amount of ${restrictions.minimum_amount} ${restrictions.minimum_amount_currency}.`;
  }
  if (restrictions.first_time_transaction && purchase.customer) {
    const invoices = await tx.list<InvoiceObject>('invoice');
    if (invoices.some((invoice) => invoice.customer === purchase.customer && invoice.amount_paid > 0))
      return `Promotion code ${promotionCode.code} is for first-time customers only.`;
  }
  return null;
}

/** What the discount takes off an amount of the purchase's first invoice (for the session's totals). */
export function discountOn(coupon: CouponObject, amount: number): number {
  if (amount <= 0) return 0;
  if (coupon.percent_off !== null) return Math.round((amount * coupon.percent_off) / 100);
  return Math.min(amount, coupon.amount_off ?? 0);
}

/** The session's view of its discount: `discounts` and `total_details.amount_discount`. */
export function showOnSession(session: CheckoutSessionObject, discount: CheckoutDiscount, firstAmount: number): void {
  const off = discountOn(discount.coupon, firstAmount);
  Object.assign(session, {
    discounts: [{ coupon: discount.coupon.id, promotion_code: discount.promotionCode?.id ?? null }],
    amount_total: firstAmount - off,
    total_details: { ...(session.total_details as object), amount_discount: off },
  });
}

/** The discount a completed session carries, read back from the session (re-checked: limits may have been reached meanwhile). */
export async function sessionDiscount(
  tx: Transaction,
  session: CheckoutSessionObject,
  purchase: Purchase,
): Promise<CheckoutDiscount | null> {
  const [entry] = (session.discounts ?? []) as Array<{ coupon: string; promotion_code: string | null }>;
  if (!entry) return null;
  if (entry.promotion_code) {
    const promotionCode = await tx.require<PromotionCodeObject>(entry.promotion_code, 'promotion_code');
    return checkApplicable(tx, await withCoupon(tx, promotionCode), purchase, 'discounts');
  }
  const coupon = await tx.require<CouponObject>(entry.coupon, 'coupon');
  return checkApplicable(tx, { coupon, promotionCode: null }, purchase, 'discounts');
}

/**
 * Puts the discount on a new subscription (before its first invoice is drafted) and counts the redemption on the
 * coupon and the promotion code. Event customer.discount.created.
 */
export function attachDiscount(
  tx: Transaction,
  subscription: SubscriptionObject,
  discount: CheckoutDiscount,
  checkoutSession: string | null,
): DiscountObject {
  const { coupon, promotionCode } = discount;
  const end =
    coupon.duration === 'repeating' && coupon.duration_in_months !== null
      ? addIntervals(tx.now, { interval: 'month', interval_count: 1 }, coupon.duration_in_months)
      : null;
  const object = buildDiscount({
    id: tx.id('di'),
    now: tx.now,
    coupon: coupon.id,
    promotionCode: promotionCode?.id ?? null,
    checkoutSession,
    customer: subscription.customer,
    subscription: subscription.id,
    end,
  });
  tx.put(object);
  subscription.discounts = [object.id];
  tx.put({ ...coupon, times_redeemed: coupon.times_redeemed + 1 });
  if (promotionCode) tx.put({ ...promotionCode, times_redeemed: promotionCode.times_redeemed + 1 });
  tx.emit('customer.discount.created', object);
  return object;
}

// ----------------------------------------------------------------------------------------------- invoices

/** What a subscription's discount takes off one invoice: per line, and in total. */
export interface InvoiceDiscount {
  discount: DiscountObject;
  coupon: CouponObject;
  /** Amount off per line index (lines absent from the map get nothing). */
  perLine: Map<number, number>;
  amount: number;
}

/**
 * The subscription's discount as it applies to an invoice whose service starts at `at`: none once it has ended
 * (repeating: start + months; once: after its first charge). Prorations are not discounted; products outside
 * `applies_to` are not either; amount_off is spread over the discounted lines (the last takes the rounding).
 */
export async function discountForInvoice(
  tx: Transaction,
  subscription: SubscriptionObject,
  lines: Array<Pick<InvoiceLineObject, 'amount' | 'currency'> & { proration: boolean; product: string }>,
  at: number,
): Promise<InvoiceDiscount | null> {
  const [discountId] = (subscription.discounts ?? []) as string[];
  if (!discountId) return null;
  const discount = await tx.find<DiscountObject>(discountId, 'discount');
  if (!discount || (discount.end !== null && at >= discount.end)) return null;
  const coupon = await tx.find<CouponObject>(discount.source.coupon, 'coupon');
  if (!coupon) return null;
  const products = coupon.applies_to?.products;
  const eligible = lines
    .map((line, index) => ({ line, index }))
    .filter(
      ({ line }) =>
        !line.proration &&
        line.amount > 0 &&
        (!products || products.includes(line.product)) &&
        (coupon.amount_off === null || coupon.currency === line.currency),
    );
  const perLine = new Map<number, number>();
  if (coupon.percent_off !== null) {
    for (const { line, index } of eligible) perLine.set(index, Math.round((line.amount * coupon.percent_off) / 100));
  } else {
    const base = eligible.reduce((sum, { line }) => sum + line.amount, 0);
    const total = Math.min(base, coupon.amount_off ?? 0);
    let left = total;
    eligible.forEach(({ line, index }, position) => {
      const share = position === eligible.length - 1 ? left : Math.floor((total * line.amount) / base);
      perLine.set(index, share);
      left -= share;
    });
  }
  const amount = [...perLine.values()].reduce((sum, value) => sum + value, 0);
  return { discount, coupon, perLine, amount };
}

/**
 * After an invoice is drafted (not previewed): a `once` discount that took something off is used up, and a
 * discount past its end leaves the subscription (event customer.discount.deleted), as Stripe removes it.
 */
export async function settleDiscount(
  tx: Transaction,
  subscription: SubscriptionObject,
  applied: InvoiceDiscount | null,
  at: number,
): Promise<void> {
  if (applied && applied.amount > 0 && applied.coupon.duration === 'once' && applied.discount.end === null) {
    tx.put({ ...applied.discount, end: at });
    return;
  }
  const [discountId] = (subscription.discounts ?? []) as string[];
  if (!discountId || applied) return;
  const discount = await tx.find<DiscountObject>(discountId, 'discount');
  if (discount && discount.end !== null && at >= discount.end) {
    subscription.discounts = [];
    tx.put(subscription);
    tx.emit('customer.discount.deleted', discount);
  }
}
