import {
  accessWithGifts,
  afterProviderDispute,
  afterProviderRefund,
  assertRedeemable,
  assertRefundable,
  disputedRevenue,
  giftGrantEnd,
  redeem,
  type Gift,
} from './gift.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const DAY = 86_400_000;
const aGift = (overrides: Partial<Gift> = {}): Gift => ({
  id: 'g1',
  code: 'ABCD-EFGH-JKMN-PQRS',
  buyerId: 'buyer',
  planId: 'prime',
  period: 'month',
  amount: 499,
  currency: 'usd',
  recipientEmail: null,
  message: null,
  status: 'paid',
  checkoutSessionId: 'cs_1',
  paymentIntentId: 'pi_1',
  refundedAmount: 0,
  paidAt: new Date(NOW.getTime() - 10 * DAY),
  redeemedBy: null,
  redeemedAt: null,
  grantEndsAt: null,
  createdAt: new Date(NOW.getTime() - 10 * DAY),
  ...overrides,
});
const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};
const rank = (planId: string) => ({ free: 0, prime: 10, 'creator-plus': 20 })[planId] ?? -1;
const FREE = {
  planId: 'free',
  subscriptionId: null,
  validUntil: null,
  thenPlanId: null,
  periodStart: null,
  periodEnd: null,
};

describe('gift rules', () => {
  it('redeems a paid gift once, within 365 days of its payment', () => {
    expect(codeOf(() => assertRedeemable(aGift(), NOW))).toBeNull();
    expect(codeOf(() => assertRedeemable(aGift({ paidAt: new Date(NOW.getTime() - 364 * DAY) }), NOW))).toBeNull();
    expect(codeOf(() => assertRedeemable(aGift({ paidAt: new Date(NOW.getTime() - 365 * DAY) }), NOW))).toBe(
      'billing.gift.expired',
    );
    const redeemed = redeem(aGift(), 'someone', NOW);
    expect(redeemed).toMatchObject({ status: 'redeemed', redeemedBy: 'someone', redeemedAt: NOW });
    expect(codeOf(() => assertRedeemable(redeemed, NOW))).toBe('billing.gift.already-redeemed');
    expect(codeOf(() => assertRedeemable(aGift({ status: 'pending', paidAt: null }), NOW))).toBe(
      'billing.gift.not-paid',
    );
    expect(codeOf(() => assertRedeemable(aGift({ status: 'refund_pending' }), NOW))).toBe('billing.gift.refunded');
  });

  it('refunds only a paid gift nobody redeemed', () => {
    expect(codeOf(() => assertRefundable(aGift()))).toBeNull();
    expect(codeOf(() => assertRefundable(aGift({ status: 'refund_pending' })))).toBeNull();
    expect(codeOf(() => assertRefundable(aGift({ status: 'redeemed' })))).toBe('billing.gift.already-redeemed');
    expect(codeOf(() => assertRefundable(aGift({ status: 'refunded' })))).toBe('billing.gift.refunded');
    expect(codeOf(() => assertRefundable(aGift({ status: 'pending' })))).toBe('billing.gift.not-refundable');
  });

  it('ends a gift refunded in full at the provider, a redeemed one’s access at once; a partial refund changes nothing', () => {
    const redeemed = aGift({ status: 'redeemed', redeemedBy: 'fan', grantEndsAt: new Date(NOW.getTime() + 20 * DAY) });
    expect(afterProviderRefund({ ...redeemed, refundedAmount: 300 }, 499, NOW)).toEqual({
      ...redeemed,
      refundedAmount: 300,
    });
    expect(afterProviderRefund({ ...redeemed, refundedAmount: 499 }, 499, NOW)).toMatchObject({
      status: 'refunded',
      redeemedBy: 'fan',
      grantEndsAt: NOW,
    });
    // Refunded after the gifted time ran out: the end it had stays.
    const lapsed = new Date(NOW.getTime() - DAY);
    expect(afterProviderRefund({ ...redeemed, grantEndsAt: lapsed, refundedAmount: 499 }, 499, NOW).grantEndsAt).toBe(
      lapsed,
    );
    expect(afterProviderRefund(aGift({ status: 'refund_pending', refundedAmount: 499 }), 499, NOW).status).toBe(
      'refunded',
    );
    expect(afterProviderRefund(aGift({ refundedAmount: 100 }), 499, NOW).status).toBe('paid');
  });

  it('a dispute ends a gift like a full refund; a won one gives it back, a redeemed one its access until its end', () => {
    const open = { outcome: 'open' as const, amount: 499 };
    const won = { outcome: 'won' as const, amount: 499 };
    const lost = { outcome: 'lost' as const, amount: 499 };
    const disputed = afterProviderDispute(aGift(), open, NOW);
    expect(disputed.status).toBe('disputed');
    expect(codeOf(() => assertRedeemable(disputed, NOW))).toBe('billing.gift.disputed');
    expect(codeOf(() => assertRefundable(disputed))).toBe('billing.gift.not-refundable');
    expect(afterProviderDispute(disputed, open, NOW)).toBe(disputed);
    expect(afterProviderDispute(disputed, lost, NOW)).toBe(disputed);
    expect(afterProviderDispute(disputed, won, NOW)).toEqual(aGift());
    expect(afterProviderDispute(aGift(), won, NOW)).toEqual(aGift());
    // Redeemed: the access ends now; won, it runs to the end the redemption gave.
    const redeemedAt = new Date(NOW.getTime() - 5 * DAY);
    const redeemed = redeem(aGift(), 'fan', redeemedAt);
    const ended = afterProviderDispute(redeemed, open, NOW);
    expect(ended).toMatchObject({ status: 'disputed', redeemedBy: 'fan', grantEndsAt: NOW });
    expect(afterProviderDispute(ended, won, NOW)).toEqual(redeemed);
    // A refunded or expired gift is left as it is; so is a pending one.
    for (const status of ['refunded', 'expired', 'pending'] as const)
      expect(afterProviderDispute(aGift({ status }), open, NOW).status).toBe(status);
    // The revenue a dispute takes: never more than what was not refunded already.
    expect(disputedRevenue(aGift(), open)).toBe(499);
    expect(disputedRevenue(aGift({ refundedAmount: 100 }), open)).toBe(399);
    expect(disputedRevenue(aGift(), { ...open, amount: 200 })).toBe(200);
  });

  it('lasts one calendar month or year, clamped to the end of a shorter month', () => {
    expect(giftGrantEnd(new Date('2026-01-31T10:00:00Z'), 'month').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(giftGrantEnd(new Date('2026-12-15T10:00:00Z'), 'month').toISOString()).toBe('2027-01-15T10:00:00.000Z');
    expect(giftGrantEnd(new Date('2026-03-01T00:00:00Z'), 'year').toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('gives the gift’s plan above the subscriptions’ until it ends, then what they give', () => {
    const ends = new Date(NOW.getTime() + 30 * DAY);
    const gift = { giftId: 'g1', planId: 'creator-plus', endsAt: ends };
    expect(accessWithGifts(FREE, [gift], NOW, rank)).toMatchObject({
      planId: 'creator-plus',
      validUntil: ends,
      thenPlanId: 'free',
    });
    const prime = { ...FREE, planId: 'prime', subscriptionId: 's1' };
    expect(accessWithGifts(prime, [gift], NOW, rank)).toMatchObject({
      planId: 'creator-plus',
      subscriptionId: 's1',
      thenPlanId: 'prime',
    });
    // A gift below (or equal to) the subscription's plan changes nothing; an ended gift neither.
    expect(accessWithGifts(prime, [{ ...gift, planId: 'prime' }], NOW, rank)).toBe(prime);
    expect(accessWithGifts(FREE, [{ ...gift, endsAt: NOW }], NOW, rank)).toBe(FREE);
    // A grace period ending before the gift: after the gift comes what follows the grace period.
    const grace = { ...prime, validUntil: new Date(NOW.getTime() + DAY), thenPlanId: 'free' };
    expect(accessWithGifts(grace, [gift], NOW, rank)).toMatchObject({ planId: 'creator-plus', thenPlanId: 'free' });
  });
});
