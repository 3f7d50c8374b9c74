import { discountOff, Offer, type OfferInput } from './offer.js';

const PLANS = ['prime', 'creator-plus'];
const NOW = new Date('2026-05-01T00:00:00Z');
const create = (input: Partial<OfferInput>) =>
  Offer.create({ code: 'SPRING', name: 'Spring', percentOff: 25, ...input }, PLANS, NOW);
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('Offer', () => {
  it('is one of a percent, an amount with currency, or a trial; defaults to once', () => {
    expect(create({})).toMatchObject({ kind: 'percent', percentOff: 25, duration: 'once', planIds: [] });
    expect(create({ percentOff: null, amountOff: 200, currency: 'USD' })).toMatchObject({
      kind: 'amount',
      currency: 'usd',
    });
    expect(create({ percentOff: null, trialDays: 30, duration: 'forever' })).toMatchObject({
      kind: 'trial',
      duration: null,
      discountTerms: null,
    });
  });

  it('refuses both a percent and an amount, a percent above 100 or at 0, and other nonsense, each with its code', () => {
    expect(codeOf(() => create({ amountOff: 100, currency: 'usd' }))).toBe('billing.offer.conflicting-discount');
    expect(codeOf(() => create({ trialDays: 7 }))).toBe('billing.offer.conflicting-discount');
    expect(codeOf(() => create({ percentOff: 100.5 }))).toBe('billing.offer.percent-out-of-range');
    expect(codeOf(() => create({ percentOff: 0 }))).toBe('billing.offer.percent-out-of-range');
    expect(codeOf(() => create({ percentOff: null }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ percentOff: null, amountOff: 100 }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ duration: 'repeating' }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ duration: 'once', durationInMonths: 2 }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ planIds: ['gold'] }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ code: 'no spaces' }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ validUntil: new Date('2026-04-01T00:00:00Z') }))).toBe('billing.offer.invalid');
    expect(codeOf(() => create({ maxRedemptions: 0 }))).toBe('billing.offer.invalid');
    expect(create({ percentOff: 100 }).percentOff).toBe(100);
  });

  it('is redeemable only for its plans, inside its dates, below its limit and unarchived', () => {
    const offer = create({
      planIds: ['prime'],
      validFrom: new Date('2026-05-10T00:00:00Z'),
      validUntil: new Date('2026-06-01T00:00:00Z'),
      maxRedemptions: 2,
    });
    const during = new Date('2026-05-15T00:00:00Z');
    expect(codeOf(() => offer.assertRedeemable('prime', NOW))).toBe('billing.offer.expired');
    expect(codeOf(() => offer.assertRedeemable('prime', new Date('2026-06-01T00:00:00Z')))).toBe(
      'billing.offer.expired',
    );
    expect(codeOf(() => offer.assertRedeemable('creator-plus', during))).toBe('billing.offer.plan-not-eligible');
    expect(codeOf(() => offer.assertRedeemable('prime', during))).toBeUndefined();
    offer.redemptions = 2;
    expect(codeOf(() => offer.assertRedeemable('prime', during))).toBe('billing.offer.exhausted');
    offer.redemptions = 1;
    expect(offer.archive(during)).toBe(true);
    expect(offer.archive(during)).toBe(false);
    expect(codeOf(() => offer.assertRedeemable('prime', during))).toBe('billing.offer.archived');
  });

  it('takes a rounded percent, or an amount capped at the price in its own currency only', () => {
    expect(discountOff(create({ percentOff: 33.33 }).discountTerms, 499, 'usd')).toBe(166);
    const amount = create({ percentOff: null, amountOff: 600, currency: 'usd' }).discountTerms;
    expect(discountOff(amount, 499, 'usd')).toBe(499);
    expect(discountOff(amount, 999, 'USD')).toBe(600);
    expect(discountOff(amount, 999, 'eur')).toBe(0);
    expect(discountOff(null, 999, 'usd')).toBe(0);
  });
});
