import Stripe from 'stripe';
import { DAY, newPrice, rejectionOf, startHarness, types, unix, type Harness } from './testing/index.js';

describe('coupons, promotion codes and discounts through the real Stripe SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  async function catalog(unitAmount = 1000) {
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await newPrice(h, product.id, unitAmount);
    const customer = await h.stripe.customers.create({ email: 'fan@example.com' });
    return { product, price, customer };
  }

  async function checkout(
    parts: { price: Stripe.Price; customer: Stripe.Customer },
    extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
  ) {
    return h.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: parts.customer.id,
      line_items: [{ price: parts.price.id, quantity: 1 }],
      ...extra,
    });
  }

  async function paidInvoices(subscription: string): Promise<Stripe.Invoice[]> {
    const list = await h.stripe.invoices.list({ subscription, limit: 100 });
    return [...list.data].reverse();
  }

  it('creates percent and amount coupons shaped like Stripe’s and refuses impossible ones', async () => {
    const { product } = await catalog();
    const percent = await h.stripe.coupons.create({
      id: 'offer-1',
      percent_off: 25,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 10,
      redeem_by: unix('2026-03-01T00:00:00Z'),
      applies_to: { products: [product.id] },
      name: 'Spring',
    });
    expect(percent).toMatchObject({
      id: 'offer-1',
      object: 'coupon',
      percent_off: 25,
      amount_off: null,
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 10,
      times_redeemed: 0,
      valid: true,
      applies_to: { products: [product.id] },
    });
    const amount = await h.stripe.coupons.create({ amount_off: 300, currency: 'USD', duration: 'forever' });
    expect(amount).toMatchObject({ amount_off: 300, currency: 'usd', duration: 'forever', percent_off: null });

    const bad: Array<[Stripe.CouponCreateParams, RegExp]> = [
      [{ percent_off: 101 }, /at most 100/],
      [{ percent_off: 0 }, /greater than 0/],
      [{ percent_off: 10, amount_off: 100, currency: 'usd' }, /only pass one/],
      [{ amount_off: 100 }, /currency/],
      [{ percent_off: 10, duration: 'repeating' }, /duration_in_months/],
      [{ percent_off: 10, duration: 'once', duration_in_months: 2 }, /only valid when duration is repeating/],
      [{ percent_off: 10, redeem_by: unix('2025-12-01T00:00:00Z') }, /future/],
      [{ percent_off: 10, applies_to: { products: ['prod_missing'] } }, /No such product/],
      [{ id: 'offer-1', percent_off: 10 }, /already exists/],
    ];
    for (const [params, message] of bad) {
      const error = await rejectionOf(h.stripe.coupons.create(params));
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error.message).toMatch(message);
    }
    h.setNow('2026-03-01T00:00:00Z');
    expect((await h.stripe.coupons.retrieve('offer-1')).valid).toBe(false);
  });

  it('applies a promotion code at Checkout: session totals, the discount on the subscription, repeating for the right months', async () => {
    const parts = await catalog(1000);
    const coupon = await h.stripe.coupons.create({ percent_off: 20, duration: 'repeating', duration_in_months: 2 });
    const promo = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'SPRING20',
      max_redemptions: 5,
    });
    expect(promo).toMatchObject({ object: 'promotion_code', code: 'SPRING20', active: true, times_redeemed: 0 });
    expect((await h.stripe.promotionCodes.list({ code: 'spring20' })).data.map((p) => p.id)).toEqual([promo.id]);

    const session = await checkout(parts, { discounts: [{ promotion_code: promo.id }] });
    expect(session.discounts).toEqual([{ coupon: coupon.id, promotion_code: promo.id }]);
    expect(session).toMatchObject({ amount_subtotal: 1000, amount_total: 800 });
    expect(session.total_details?.amount_discount).toBe(200);

    const { events, result } = await h.emulator.completeCheckout(session.id, 'pay');
    expect(types(events)).toContain('customer.discount.created');
    const created = events.find((event) => event.type === 'customer.subscription.created')!;
    const subscription = await h.stripe.subscriptions.retrieve(result.subscription!, { expand: ['discounts'] });
    expect((created.data.object as unknown as { discounts: string[] }).discounts).toHaveLength(1);
    const [discount] = subscription.discounts as Stripe.Discount[];
    expect(discount).toMatchObject({
      object: 'discount',
      source: { type: 'coupon', coupon: coupon.id },
      promotion_code: promo.id,
      subscription: subscription.id,
      checkout_session: session.id,
      end: unix('2026-03-01T00:00:00Z'),
    });
    const paid = events.find((event) => event.type === 'invoice.paid')!.data.object as unknown as Stripe.Invoice;
    expect(paid).toMatchObject({ subtotal: 1000, total: 800, amount_paid: 800 });
    expect(paid.total_discount_amounts).toEqual([{ amount: 200, discount: discount.id }]);
    expect(paid.lines.data[0].discount_amounts).toEqual([{ amount: 200, discount: discount.id }]);

    await h.emulator.renew(subscription.id); // Feb 1: still inside the two months
    const third = await h.emulator.renew(subscription.id); // Mar 1: the discount has ended
    expect(types(third.events)).toContain('customer.discount.deleted');
    expect(third.result.discounts).toEqual([]);
    expect((await paidInvoices(subscription.id)).map((invoice) => invoice.amount_paid)).toEqual([800, 800, 1000]);
    expect((await h.stripe.coupons.retrieve(coupon.id)).times_redeemed).toBe(1);
    expect((await h.stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
  });

  it('takes a once amount_off coupon off the first paid invoice after a trial, and a forever one off every invoice', async () => {
    const parts = await catalog(1000);
    const once = await h.stripe.coupons.create({ amount_off: 300, currency: 'usd', duration: 'once' });
    const session = await checkout(parts, {
      discounts: [{ coupon: once.id }],
      subscription_data: { trial_period_days: 14 },
    });
    expect(session.amount_total).toBe(0);
    const { result } = await h.emulator.completeCheckout(session.id, 'pay');
    const subscriptionId = result.subscription!;
    await h.emulator.renew(subscriptionId); // the trial ends
    await h.emulator.renew(subscriptionId);
    expect((await paidInvoices(subscriptionId)).map((invoice) => invoice.amount_paid)).toEqual([0, 700, 1000]);

    const other = await h.stripe.customers.create({ email: 'other@example.com' });
    const forever = await h.stripe.coupons.create({ percent_off: 50, duration: 'forever' });
    const second = await checkout({ ...parts, customer: other }, { discounts: [{ coupon: forever.id }] });
    const done = await h.emulator.completeCheckout(second.id, 'pay');
    for (let i = 0; i < 3; i += 1) await h.emulator.renew(done.result.subscription!);
    expect((await paidInvoices(done.result.subscription!)).map((invoice) => invoice.amount_paid)).toEqual([
      500, 500, 500, 500,
    ]);
  });

  it('refuses a code past its limit, expired, inactive, for another product, or with discounts and allow_promotion_codes', async () => {
    const parts = await catalog(1000);
    const otherProduct = await h.stripe.products.create({ name: 'Silver' });
    const coupon = await h.stripe.coupons.create({ percent_off: 10, max_redemptions: 1 });
    await h.emulator.completeCheckout((await checkout(parts, { discounts: [{ coupon: coupon.id }] })).id, 'pay');
    const used = await rejectionOf(checkout(parts, { discounts: [{ coupon: coupon.id }] }));
    expect(used.code).toBe('coupon_expired');
    expect((await h.stripe.coupons.retrieve(coupon.id)).valid).toBe(false);

    const open = await h.stripe.coupons.create({ percent_off: 10 });
    const expiring = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: open.id },
      code: 'SOON',
      expires_at: h.now() + DAY,
    });
    h.setNow('2026-01-03T00:00:00Z');
    expect((await rejectionOf(checkout(parts, { discounts: [{ promotion_code: expiring.id }] }))).code).toBe(
      'promotion_code_invalid',
    );
    const inactive = await h.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: open.id },
      code: 'OFF',
      active: false,
    });
    expect((await rejectionOf(checkout(parts, { discounts: [{ promotion_code: inactive.id }] }))).code).toBe(
      'promotion_code_invalid',
    );
    const silverOnly = await h.stripe.coupons.create({ percent_off: 10, applies_to: { products: [otherProduct.id] } });
    expect((await rejectionOf(checkout(parts, { discounts: [{ coupon: silverOnly.id }] }))).code).toBe(
      'coupon_not_applicable',
    );
    const both = await rejectionOf(checkout(parts, { discounts: [{ coupon: open.id }], allow_promotion_codes: true }));
    expect(both.message).toMatch(/allow_promotion_codes, discounts/);
    const taken = await rejectionOf(
      h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: open.id }, code: 'soon' }),
    );
    expect(taken.code).toBe('resource_already_exists');
  });

  it('takes a code typed on the Checkout page when the session allows promotion codes', async () => {
    const parts = await catalog(2000);
    const coupon = await h.stripe.coupons.create({ percent_off: 25, duration: 'once' });
    await h.stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'FAN25' });
    const closed = await checkout(parts);
    await expect(h.emulator.completeCheckout(closed.id, 'pay', { promotionCode: 'FAN25' })).rejects.toThrow(
      /does not take promotion codes/,
    );
    const session = await checkout(parts, { allow_promotion_codes: true });
    await expect(h.emulator.completeCheckout(session.id, 'pay', { promotionCode: 'NOPE' })).rejects.toThrow(/invalid/);
    const { result } = await h.emulator.completeCheckout(session.id, 'pay', { promotionCode: 'fan25' });
    expect(result).toMatchObject({ amount_total: 1500, discounts: [{ coupon: coupon.id }] });
    const [invoice] = await paidInvoices(result.subscription!);
    expect(invoice.amount_paid).toBe(1500);
  });
});
