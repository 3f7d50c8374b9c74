import { compareValues, entitlementValueProblem, satisfies } from './entitlements.js';
import { DEFAULT_CATALOGUE } from './default-catalogue.js';
import { Plan } from './plan.js';
import { InvalidPlanError, PlanArchivedError, PlanNotForSaleError } from './plan.errors.js';

describe('entitlements', () => {
  it('compares levels by order, quotas with unlimited above every number', () => {
    expect(satisfies('analytics', 'advanced', 'basic')).toBe(true);
    expect(satisfies('analytics', 'basic', 'advanced')).toBe(false);
    expect(satisfies('analytics', 'none')).toBe(false);
    expect(satisfies('episodes_per_month', 'unlimited', 1_000)).toBe(true);
    expect(satisfies('episodes_per_month', 10, 'unlimited')).toBe(false);
    expect(satisfies('ad_free', false)).toBe(false);
    expect(compareValues('library_items', 'unlimited', 100)).toBe(1);
  });

  it('rejects values of the wrong type', () => {
    expect(entitlementValueProblem('ad_free', 'yes')).toMatch(/true or false/);
    expect(entitlementValueProblem('episodes_per_month', -1)).toMatch(/non-negative/);
    expect(entitlementValueProblem('analytics', 'premium')).toMatch(/one of none, basic, advanced/);
  });
});

describe('Plan', () => {
  it('defines the default catalogue, in rank order', () => {
    const plans = DEFAULT_CATALOGUE.map((definition) => Plan.define(definition));
    expect(plans.map((plan) => plan.id)).toEqual(['free', 'prime', 'creator-plus', 'studio-pro']);
    expect(plans[0].isFree).toBe(true);
    expect(plans[1].priceForSale('month')).toEqual({ amount: 499, currency: 'usd' });
  });

  it('is not for sale once archived, or without a price', () => {
    const prime = Plan.define(DEFAULT_CATALOGUE[1]);
    prime.archive();
    expect(() => prime.priceForSale('month')).toThrow(PlanArchivedError);
    expect(() => Plan.define(DEFAULT_CATALOGUE[0]).priceForSale('month')).toThrow(PlanNotForSaleError);
  });

  it('refuses fractional prices and bad entitlements', () => {
    expect(() =>
      Plan.define({ ...DEFAULT_CATALOGUE[1], prices: { month: { amount: 4.99, currency: 'usd' } } }),
    ).toThrow(InvalidPlanError);
    expect(() =>
      Plan.define({
        ...DEFAULT_CATALOGUE[1],
        entitlements: { ...DEFAULT_CATALOGUE[1].entitlements, analytics: 'max' },
      }),
    ).toThrow(InvalidPlanError);
  });
});
