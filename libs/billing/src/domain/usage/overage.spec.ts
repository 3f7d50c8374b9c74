import { DEFAULT_CATALOGUE } from '../plan/default-catalogue.js';
import { overageOf, overageRuleOf, thresholdsReached, type OverageRule } from './overage.js';

const perThousand: OverageRule = { quota: 'api_calls_per_month', unitSize: 1_000, unitAmount: 10, currency: 'usd' };
const perUpload: OverageRule = { quota: 'uploads_per_month', unitSize: 1, unitAmount: 25, currency: 'usd' };

describe('overage arithmetic', () => {
  it('bills nothing at or below the limit, nor on an unlimited quota', () => {
    expect(overageOf(0, 100, perUpload)).toEqual({ units: 0, amount: 0 });
    expect(overageOf(100, 100, perUpload)).toEqual({ units: 0, amount: 0 });
    expect(overageOf(10 ** 9, 'unlimited', perUpload)).toEqual({ units: 0, amount: 0 });
  });

  it('rounds partial units up: one call past the quota is a whole unit', () => {
    expect(overageOf(100_001, 100_000, perThousand)).toEqual({ units: 1, amount: 10 });
    expect(overageOf(101_000, 100_000, perThousand)).toEqual({ units: 1, amount: 10 });
    expect(overageOf(101_001, 100_000, perThousand)).toEqual({ units: 2, amount: 20 });
    expect(overageOf(1_003, 1_000, perUpload)).toEqual({ units: 3, amount: 75 });
  });

  it('never decreases as usage grows, and amount is always units × unit price', () => {
    // A deterministic sweep (the domain imports no libraries, fast-check included).
    for (let seed = 1; seed < 2_000; seed++) {
      const limit = (seed * 7_919) % 200_000;
      const used = (seed * 104_729) % 300_000;
      const more = (seed * 31) % 5_000;
      const before = overageOf(used, limit, perThousand);
      const after = overageOf(used + more, limit, perThousand);
      expect(after.units).toBeGreaterThanOrEqual(before.units);
      expect(after.amount).toBe(after.units * perThousand.unitAmount);
      // Never billed for a whole unit more than was used past the limit.
      expect(after.units * perThousand.unitSize).toBeLessThan(Math.max(0, used + more - limit) + perThousand.unitSize);
    }
  });

  it('lets only the plans with a rule go over, and storage nowhere', () => {
    expect(overageRuleOf('studio-pro', 'uploads_per_month')).toMatchObject({ unitAmount: 25 });
    expect(overageRuleOf('studio-pro', 'api_calls_per_month')).toMatchObject({ unitSize: 1_000 });
    expect(overageRuleOf('creator-plus', 'uploads_per_month')).toBeNull();
    expect(overageRuleOf('free', 'api_calls_per_month')).toBeNull();
    for (const plan of DEFAULT_CATALOGUE) expect(overageRuleOf(plan.id, 'storage_bytes')).toBeNull();
  });
});

describe('usage alert thresholds', () => {
  it('reaches 80% and 100% exactly, in integers', () => {
    expect(thresholdsReached(3, 5)).toEqual([]);
    expect(thresholdsReached(4, 5)).toEqual([80]);
    expect(thresholdsReached(5, 5)).toEqual([80, 100]);
    expect(thresholdsReached(7, 5)).toEqual([80, 100]);
    expect(thresholdsReached(79_999, 100_000)).toEqual([]);
    expect(thresholdsReached(80_000, 100_000)).toEqual([80]);
  });

  it('has nothing to say about unlimited or zero quotas', () => {
    expect(thresholdsReached(10 ** 12, 'unlimited')).toEqual([]);
    expect(thresholdsReached(0, 0)).toEqual([]);
  });
});

describe('the default catalogue’s metered quotas', () => {
  it('grows from Free to Studio Pro', () => {
    const byId = new Map(DEFAULT_CATALOGUE.map((plan) => [plan.id, plan.entitlements]));
    for (const quota of ['storage_bytes', 'uploads_per_month', 'api_calls_per_month'] as const) {
      const values = ['free', 'creator-plus', 'studio-pro'].map((id) => byId.get(id)![quota] as number);
      expect(values[0]).toBeLessThanOrEqual(values[1]);
      expect(values[1]).toBeLessThan(values[2]);
    }
  });
});
