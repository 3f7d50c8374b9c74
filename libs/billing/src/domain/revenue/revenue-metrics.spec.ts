import { monthlyRecurringAmount, type MrrMovement } from './mrr-movement.js';
import {
  computeRevenueMetrics,
  type CurrencyRevenue,
  type RevenueBucket,
  type RevenueReport,
} from './revenue-metrics.js';
import type { RevenueInterval } from './revenue-range.js';
import { InvalidRevenueRangeError } from './revenue.errors.js';

const move = (
  subscriptionId: string,
  at: string,
  planId: string,
  mrrBefore: number,
  mrrAfter: number,
  currency = 'usd',
): MrrMovement => ({
  subscriptionId,
  userId: `user-${subscriptionId}`,
  planId,
  currency,
  occurredAt: new Date(at),
  mrrBefore,
  mrrAfter,
});

const report = (movements: MrrMovement[], from: string, to: string, interval: RevenueInterval) =>
  computeRevenueMetrics(movements, { from: new Date(from), to: new Date(to), interval });

const currency = (revenue: RevenueReport, code: string): CurrencyRevenue => {
  const found = revenue.currencies.find((c) => c.currency === code);
  if (!found) throw new Error(`no ${code} in the report`);
  return found;
};

/** A bucket whose movement fields not given are 0: every field is still compared. */
const bucket = (
  start: string,
  end: string,
  values: Pick<RevenueBucket, 'mrr' | 'subscribers' | 'subscribersByPlan' | 'churnRate' | 'arpu'> &
    Partial<RevenueBucket>,
): RevenueBucket => ({
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
  newMrr: 0,
  expansionMrr: 0,
  contractionMrr: 0,
  churnedMrr: 0,
  reactivationMrr: 0,
  netNewMrr: 0,
  newSubscribers: 0,
  churnedSubscribers: 0,
  // Buckets that do not name their MRR by plan are checked by the property test (it sums to mrr).
  mrrByPlan: expect.any(Object) as Record<string, number>,
  ...values,
});

const BASIC = monthlyRecurringAmount(499, 'month'); // $4.99 a month → 499
const BASIC_YEARLY = monthlyRecurringAmount(4990, 'year'); // $49.90 a year → 415.83 → 416
const PRO = monthlyRecurringAmount(999, 'month'); // $9.99 → 999
const PLUS = 799;

/**
 * The shared history, deliberately not in time order.
 * USD: A, B, C start in January; A upgrades and C downgrades in February; D trials in February and converts in March;
 * B cancels in March and comes back (on the monthly plan) in April; C switches plan at the same price in April;
 * A cancels exactly at 2025-05-01T00:00Z, which is outside a range ending there.
 * EUR: E1 since January; E2 from exactly 2025-02-01T00:00Z (code given in capitals) until March.
 * GBP: G since December 2024, nothing since. CAD: only in June 2025. CHF: only at exactly 2025-05-01T00:00Z.
 */
const history: MrrMovement[] = [
  move('A', '2025-01-05T23:59:59.999Z', 'basic-monthly', 0, BASIC), // a Sunday
  move('B', '2025-01-10T08:00:00Z', 'basic-yearly', 0, BASIC_YEARLY),
  move('C', '2025-01-20T00:00:00Z', 'pro-monthly', 0, PRO), // Monday 00:00Z
  move('A', '2025-02-03T12:00:00Z', 'pro-monthly', BASIC, PRO), // upgrade: +500
  move('C', '2025-02-14T09:00:00Z', 'plus-monthly', PRO, PLUS), // downgrade: -200
  move('D', '2025-02-20T15:00:00Z', 'pro-monthly', 0, 0), // trial starts: no revenue yet
  move('B', '2025-03-12T18:00:00Z', 'basic-yearly', BASIC_YEARLY, 0), // cancels: -416
  move('D', '2025-03-06T15:00:00Z', 'pro-monthly', 0, PRO), // trial converts: new 999
  move('A', '2025-05-01T00:00:00Z', 'pro-monthly', PRO, 0), // at `to`: excluded
  move('B', '2025-04-08T07:00:00Z', 'basic-monthly', 0, BASIC), // comes back: reactivation 499
  move('C', '2025-04-15T11:00:00Z', 'plus-monthly-v2', PLUS, PLUS), // same price, new plan
  move('E1', '2025-01-07T10:00:00Z', 'basic-eur', 0, 450, 'eur'),
  move('E2', '2025-02-01T00:00:00Z', 'pro-eur', 0, 900, 'EUR'),
  move('E2', '2025-03-20T10:00:00Z', 'pro-eur', 900, 0, 'eur'),
  move('G', '2024-12-01T10:00:00Z', 'basic-gbp', 0, 300, 'gbp'),
  move('K', '2025-06-01T00:00:00Z', 'basic-cad', 0, 600, 'cad'),
  move('W', '2025-05-01T00:00:00Z', 'basic-chf', 0, 500, 'chf'), // exactly at `to`
];

describe('revenue metrics over January–April 2025, by month', () => {
  const revenue = report(history, '2025-01-01', '2025-05-01', 'month');

  it('echoes the query and reports each currency with a movement before `to`, sorted by code', () => {
    expect(revenue).toMatchObject({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-05-01T00:00:00.000Z',
      interval: 'month',
    });
    // CAD's and CHF's only movements are at or after `to`; GBP's only movement is before `from`; 'EUR' counts as 'eur'.
    expect(revenue.currencies.map((c) => c.currency)).toEqual(['eur', 'gbp', 'usd']);
  });

  it('gives each USD month its MRR, movements, subscribers by plan, churn rate and ARPU', () => {
    expect(currency(revenue, 'usd').buckets).toEqual([
      // A 499 + B 416 + C 999 = 1914 new; ARPU 1914 / 3 = 638; nobody at the start, so no churn rate.
      bucket('2025-01-01', '2025-02-01', {
        mrr: 1914,
        newMrr: 1914,
        netNewMrr: 1914,
        subscribers: 3,
        subscribersByPlan: { 'basic-monthly': 1, 'basic-yearly': 1, 'pro-monthly': 1 },
        mrrByPlan: { 'basic-monthly': 499, 'basic-yearly': 416, 'pro-monthly': 999 },
        newSubscribers: 3,
        churnRate: null,
        arpu: 638,
      }),
      // A 499→999 (+500), C 999→799 (-200), D's trial brings nothing: 1914 + 300 = 2214; 2214 / 3 = 738.
      bucket('2025-02-01', '2025-03-01', {
        mrr: 2214,
        expansionMrr: 500,
        contractionMrr: 200,
        netNewMrr: 300,
        subscribers: 3,
        subscribersByPlan: { 'basic-yearly': 1, 'plus-monthly': 1, 'pro-monthly': 1 },
        mrrByPlan: { 'basic-yearly': 416, 'plus-monthly': 799, 'pro-monthly': 999 },
        churnRate: 0,
        arpu: 738,
      }),
      // D converts (new 999), B cancels (churn 416): 2214 + 583 = 2797; churn 1 of 3 = 0.3333; 2797 / 3 = 932.33.
      bucket('2025-03-01', '2025-04-01', {
        mrr: 2797,
        newMrr: 999,
        churnedMrr: 416,
        netNewMrr: 583,
        subscribers: 3,
        subscribersByPlan: { 'plus-monthly': 1, 'pro-monthly': 2 },
        mrrByPlan: { 'plus-monthly': 799, 'pro-monthly': 1998 },
        newSubscribers: 1,
        churnedSubscribers: 1,
        churnRate: 0.3333,
        arpu: 932.33,
      }),
      // B returns on basic-monthly (reactivation 499, not new); C's same-price switch moves no MRR but moves its plan.
      // 2797 + 499 = 3296; 3296 / 4 = 824.
      bucket('2025-04-01', '2025-05-01', {
        mrr: 3296,
        reactivationMrr: 499,
        netNewMrr: 499,
        subscribers: 4,
        subscribersByPlan: { 'basic-monthly': 1, 'plus-monthly-v2': 1, 'pro-monthly': 2 },
        mrrByPlan: { 'basic-monthly': 499, 'plus-monthly-v2': 799, 'pro-monthly': 1998 },
        newSubscribers: 1,
        churnRate: 0,
        arpu: 824,
      }),
    ]);
  });

  it('sums the USD range, with no churn rate or LTV since nobody paid on 1 January', () => {
    expect(currency(revenue, 'usd').summary).toEqual({
      startingMrr: 0,
      endingMrr: 3296, // A's cancellation at exactly `to` is not in the range
      endingMrrByPlan: { 'basic-monthly': 499, 'plus-monthly-v2': 799, 'pro-monthly': 1998 },
      newMrr: 2913, // 1914 + 999
      expansionMrr: 500,
      contractionMrr: 200,
      churnedMrr: 416,
      reactivationMrr: 499,
      netNewMrr: 3296, // 2913 + 500 + 499 - 200 - 416
      startingSubscribers: 0,
      endingSubscribers: 4,
      churnedSubscribers: 1,
      monthlyChurnRate: null,
      arpu: 824,
      ltv: null,
    });
  });

  it('keeps euros apart from dollars', () => {
    const eur = currency(revenue, 'eur');
    expect(eur.buckets).toEqual([
      bucket('2025-01-01', '2025-02-01', {
        mrr: 450,
        newMrr: 450,
        netNewMrr: 450,
        subscribers: 1,
        subscribersByPlan: { 'basic-eur': 1 },
        newSubscribers: 1,
        churnRate: null,
        arpu: 450,
      }),
      // E2 at exactly 2025-02-01T00:00Z belongs to February. (450 + 900) / 2 = 675.
      bucket('2025-02-01', '2025-03-01', {
        mrr: 1350,
        newMrr: 900,
        netNewMrr: 900,
        subscribers: 2,
        subscribersByPlan: { 'basic-eur': 1, 'pro-eur': 1 },
        newSubscribers: 1,
        churnRate: 0,
        arpu: 675,
      }),
      // E2 leaves: 1 of the 2 at March's start.
      bucket('2025-03-01', '2025-04-01', {
        mrr: 450,
        churnedMrr: 900,
        netNewMrr: -900,
        subscribers: 1,
        subscribersByPlan: { 'basic-eur': 1 },
        churnedSubscribers: 1,
        churnRate: 0.5,
        arpu: 450,
      }),
      bucket('2025-04-01', '2025-05-01', {
        mrr: 450,
        subscribers: 1,
        subscribersByPlan: { 'basic-eur': 1 },
        churnRate: 0,
        arpu: 450,
      }),
    ]);
    expect(eur.summary).toMatchObject({
      startingMrr: 0,
      endingMrr: 450,
      newMrr: 1350,
      churnedMrr: 900,
      netNewMrr: 450,
    });
  });

  it('carries a currency whose only movement came before the range', () => {
    const gbp = currency(revenue, 'gbp');
    expect(gbp.buckets.map((b) => [b.mrr, b.subscribers, b.netNewMrr, b.churnRate, b.arpu])).toEqual([
      [300, 1, 0, 0, 300],
      [300, 1, 0, 0, 300],
      [300, 1, 0, 0, 300],
      [300, 1, 0, 0, 300],
    ]);
    // One subscriber and no churn: a churn rate of exactly 0, so LTV has no finite value.
    expect(gbp.summary).toMatchObject({
      startingMrr: 300,
      endingMrr: 300,
      startingSubscribers: 1,
      monthlyChurnRate: 0,
      arpu: 300,
      ltv: null,
    });
  });

  it('does not depend on the order movements are given in', () => {
    expect(report([...history].reverse(), '2025-01-01', '2025-05-01', 'month')).toEqual(revenue);
  });
});

describe('a range that starts after history began (February–March 2025)', () => {
  const revenue = report(history, '2025-02-01', '2025-04-01', 'month');

  it('starts from the MRR the earlier movements built', () => {
    const usd = currency(revenue, 'usd');
    expect(usd.buckets.map((b) => b.mrr)).toEqual([2214, 2797]);
    expect(usd.summary).toMatchObject({ startingMrr: 1914, startingSubscribers: 3, newMrr: 999, reactivationMrr: 0 });
  });

  it('derives a monthly churn rate, ARPU and LTV from the whole range', () => {
    // 59 days (28 + 31). Churn: 1 of 3 subscribers at `from` → 1/3 × 30/59 = 10/59 = 0.169491… → 0.1695.
    // ARPU 2797 / 3 = 932.333…; LTV = (2797/3) / (10/59) = 2797 × 59 / 30 = 5500.766… → 5500.77
    // (from the rounded ARPU and rate it would be 5500.47).
    expect(currency(revenue, 'usd').summary).toEqual({
      startingMrr: 1914,
      endingMrr: 2797,
      endingMrrByPlan: { 'plus-monthly': 799, 'pro-monthly': 1998 },
      newMrr: 999,
      expansionMrr: 500,
      contractionMrr: 200,
      churnedMrr: 416,
      reactivationMrr: 0,
      netNewMrr: 883,
      startingSubscribers: 3,
      endingSubscribers: 3,
      churnedSubscribers: 1,
      monthlyChurnRate: 0.1695,
      arpu: 932.33,
      ltv: 5500.77,
    });
  });

  it('counts a subscriber who joined and left inside the range against those paying at `from`', () => {
    // EUR: only E1 paid on 1 February; E2 joined at `from` and left in March. 1/1 × 30/59 = 0.508474… → 0.5085.
    // LTV = 450 / (30/59) = 885.
    expect(currency(revenue, 'eur').summary).toMatchObject({
      startingMrr: 450,
      startingSubscribers: 1,
      churnedSubscribers: 1,
      monthlyChurnRate: 0.5085,
      arpu: 450,
      ltv: 885,
    });
  });
});

describe('a range not aligned to months (10 February – 10 March 2025)', () => {
  const usd = currency(report(history, '2025-02-10', '2025-03-10', 'month'), 'usd');

  it('clips its first and last months, counting nothing outside the range', () => {
    // At `from`: A 999 (upgraded 3 Feb, before the range), B 416, C 999 = 2414.
    expect(usd.buckets).toEqual([
      bucket('2025-02-10', '2025-03-01', {
        mrr: 2214, // C's downgrade only; A's upgrade on 3 Feb is not in the range
        contractionMrr: 200,
        netNewMrr: -200,
        subscribers: 3,
        subscribersByPlan: { 'basic-yearly': 1, 'plus-monthly': 1, 'pro-monthly': 1 },
        churnRate: 0,
        arpu: 738,
      }),
      bucket('2025-03-01', '2025-03-10', {
        mrr: 3213, // D converts on 6 March; B's cancellation on 12 March is after `to`
        newMrr: 999,
        netNewMrr: 999,
        subscribers: 4,
        subscribersByPlan: { 'basic-yearly': 1, 'plus-monthly': 1, 'pro-monthly': 2 },
        newSubscribers: 1,
        churnRate: 0,
        arpu: 803.25, // 3213 / 4
      }),
    ]);
    expect(usd.summary).toMatchObject({
      startingMrr: 2414,
      endingMrr: 3213,
      expansionMrr: 0,
      netNewMrr: 799,
      monthlyChurnRate: 0,
      ltv: null,
    });
  });
});

describe('week buckets', () => {
  it('start on Monday 00:00Z', () => {
    // 1 January 2025 is a Wednesday. A starts on Sunday 5 Jan at 23:59:59.999Z (still the first week);
    // C starts at exactly Monday 20 Jan 00:00Z (the fourth week).
    const usd = currency(report(history, '2025-01-01', '2025-01-22', 'week'), 'usd');
    expect(
      usd.buckets.map((b) => [
        b.start.slice(0, 10),
        b.end.slice(0, 10),
        b.mrr,
        b.newMrr,
        b.subscribers,
        b.churnRate,
        b.arpu,
      ]),
    ).toEqual([
      ['2025-01-01', '2025-01-06', 499, 499, 1, null, 499],
      ['2025-01-06', '2025-01-13', 915, 416, 2, 0, 457.5],
      ['2025-01-13', '2025-01-20', 915, 0, 2, 0, 457.5],
      ['2025-01-20', '2025-01-22', 1914, 999, 3, 0, 638],
    ]);
  });
});

describe('day buckets', () => {
  it('put a movement on its UTC day', () => {
    const usd = currency(report(history, '2025-03-05', '2025-03-08', 'day'), 'usd');
    expect(usd.buckets.map((b) => [b.start.slice(0, 10), b.mrr, b.newMrr, b.subscribers])).toEqual([
      ['2025-03-05', 2214, 0, 3],
      ['2025-03-06', 3213, 999, 4], // D's conversion at 15:00Z
      ['2025-03-07', 3213, 0, 4],
    ]);
  });
});

describe('a trial', () => {
  it('counts as new revenue when it converts, not when it starts', () => {
    const trial = [move('T', '2025-01-10T00:00:00Z', 'pro', 0, 0), move('T', '2025-01-24T00:00:00Z', 'pro', 0, 999)];
    const usd = currency(report(trial, '2025-01-01', '2025-02-01', 'week'), 'usd');
    const weekOf = (day: string) => usd.buckets.find((b) => b.start.startsWith(day))!;
    expect(weekOf('2025-01-06')).toMatchObject({
      mrr: 0,
      newMrr: 0,
      newSubscribers: 0,
      subscribers: 0,
      subscribersByPlan: {},
    });
    expect(weekOf('2025-01-20')).toMatchObject({
      mrr: 999,
      newMrr: 999,
      newSubscribers: 1,
      subscribers: 1,
      subscribersByPlan: { pro: 1 },
    });
  });

  it('that ends unpaid and later subscribes is new, never having paid', () => {
    const trial = [
      move('T', '2025-01-10T00:00:00Z', 'pro', 0, 0),
      move('T', '2025-01-24T00:00:00Z', 'pro', 0, 0),
      move('T', '2025-02-10T00:00:00Z', 'pro', 0, 999),
    ];
    expect(currency(report(trial, '2025-01-01', '2025-03-01', 'month'), 'usd').summary).toMatchObject({
      newMrr: 999,
      reactivationMrr: 0,
    });
  });
});

describe('a range without any movement', () => {
  it('reports zeros and no rates for a currency whose subscribers all left before it', () => {
    const past = [move('Z', '2024-01-10T00:00:00Z', 'pro', 0, 500), move('Z', '2024-02-10T00:00:00Z', 'pro', 500, 0)];
    const usd = currency(report(past, '2024-06-01', '2024-08-01', 'month'), 'usd');
    const empty = { mrr: 0, subscribers: 0, subscribersByPlan: {}, churnRate: null, arpu: null };
    expect(usd.buckets).toEqual([bucket('2024-06-01', '2024-07-01', empty), bucket('2024-07-01', '2024-08-01', empty)]);
    expect(usd.summary).toEqual({
      startingMrr: 0,
      endingMrr: 0,
      endingMrrByPlan: {},
      newMrr: 0,
      expansionMrr: 0,
      contractionMrr: 0,
      churnedMrr: 0,
      reactivationMrr: 0,
      netNewMrr: 0,
      startingSubscribers: 0,
      endingSubscribers: 0,
      churnedSubscribers: 0,
      monthlyChurnRate: null,
      arpu: null,
      ltv: null,
    });
  });

  it('reports no currency at all when the ledger is empty', () => {
    expect(report([], '2025-01-01', '2025-02-01', 'week')).toEqual({
      from: '2025-01-01T00:00:00.000Z',
      to: '2025-02-01T00:00:00.000Z',
      interval: 'week',
      currencies: [],
    });
  });
});

describe('movements at the same instant', () => {
  it('apply in the order they were given', () => {
    const sameInstant = [
      move('X', '2025-01-10T00:00:00Z', 'basic', 0, 500),
      move('X', '2025-01-10T00:00:00Z', 'plus', 500, 800),
    ];
    const [january] = currency(report(sameInstant, '2025-01-01', '2025-02-01', 'month'), 'usd').buckets;
    expect(january).toMatchObject({ mrr: 800, newMrr: 500, expansionMrr: 300, subscribersByPlan: { plus: 1 } });
  });
});

describe('a ledger missing a row', () => {
  it('measures each movement from the MRR it last recorded, so MRR still bridges', () => {
    // The 500 → 800 upgrade row is missing: the churn row says 800 → 0, but only 500 was ever in the total.
    const gappy = [
      move('X', '2025-01-10T00:00:00Z', 'basic', 0, 500),
      move('X', '2025-02-10T00:00:00Z', 'plus', 800, 0),
    ];
    const [january, february] = currency(report(gappy, '2025-01-01', '2025-03-01', 'month'), 'usd').buckets;
    expect(january.mrr).toBe(500);
    expect(february).toMatchObject({ mrr: 0, churnedMrr: 500, netNewMrr: -500, churnedSubscribers: 1, churnRate: 1 });
  });
});

describe('invalid input', () => {
  it('refuses a range that does not start before it ends', () => {
    expect(() => report(history, '2025-02-01', '2025-02-01', 'day')).toThrow(InvalidRevenueRangeError);
    expect(() => report(history, '2025-03-01', '2025-02-01', 'month')).toThrow(
      expect.objectContaining({ code: 'billing.metrics.invalid-range', kind: 'invalid' }),
    );
  });

  it('refuses a day-by-day report over years', () => {
    expect(() => report(history, '2020-01-01', '2025-01-01', 'day')).toThrow(InvalidRevenueRangeError);
  });

  it('refuses a malformed movement rather than report wrong money', () => {
    expect(() => report([move('X', '2025-01-10', 'basic', 0, 4.99)], '2025-01-01', '2025-02-01', 'month')).toThrow(
      RangeError,
    );
    expect(() => report([move('X', '2025-01-10', 'basic', 0, -1)], '2025-01-01', '2025-02-01', 'month')).toThrow(
      RangeError,
    );
    expect(() => report([move('X', 'not a date', 'basic', 0, 1)], '2025-01-01', '2025-02-01', 'month')).toThrow(
      RangeError,
    );
  });
});

describe('the invariants, over a generated ledger', () => {
  /** A small deterministic pseudo-random generator (mulberry32), so a failure reproduces. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /** A consistent ledger (each row's mrrBefore is the previous mrrAfter), handed over shuffled. */
  const generated = (() => {
    const next = random(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const mrrOf = new Map<string, number>();
    const movements: MrrMovement[] = [];
    let at = Date.UTC(2024, 10, 1);
    for (let i = 0; i < 600; i++) {
      const id = `s${Math.floor(next() * 60)}`;
      const before = mrrOf.get(id) ?? 0;
      const after = pick([0, 0, 416, 499, 799, 999, before]);
      at += Math.floor(next() * 8 * 3_600_000); // up to 8 hours later: ~100 days in all
      movements.push({
        ...move(id, '2024-01-01', `plan-${after}`, before, after, Number(id.slice(1)) % 3 ? 'usd' : 'eur'),
        occurredAt: new Date(at),
      });
      mrrOf.set(id, after);
    }
    return movements
      .map((m) => ({ m, key: next() }))
      .sort((a, b) => a.key - b.key)
      .map(({ m }) => m);
  })();

  it.each(['day', 'week', 'month'] as const)('hold for %s buckets', (interval) => {
    const { currencies } = report(generated, '2024-11-20T12:00:00Z', '2025-02-03T00:00:00Z', interval);
    expect(currencies.map((c) => c.currency)).toEqual(['eur', 'usd']);
    for (const { buckets, summary } of currencies) {
      let mrr = summary.startingMrr;
      let subscribers = summary.startingSubscribers;
      for (const b of buckets) {
        expect(b.netNewMrr).toBe(b.newMrr + b.expansionMrr + b.reactivationMrr - b.contractionMrr - b.churnedMrr);
        expect(b.mrr).toBe(mrr + b.netNewMrr); // previous bucket's mrr + net new
        expect(b.subscribers).toBe(subscribers + b.newSubscribers - b.churnedSubscribers);
        expect(Object.values(b.subscribersByPlan).reduce((sum, n) => sum + n, 0)).toBe(b.subscribers);
        expect(Object.values(b.mrrByPlan).reduce((sum, n) => sum + n, 0)).toBe(b.mrr);
        expect([b.newMrr, b.expansionMrr, b.contractionMrr, b.churnedMrr, b.reactivationMrr].every((n) => n >= 0)).toBe(
          true,
        );
        mrr = b.mrr;
        subscribers = b.subscribers;
      }
      const sum = (field: keyof RevenueBucket) => buckets.reduce((total, b) => total + (b[field] as number), 0);
      expect(summary).toMatchObject({
        endingMrr: mrr,
        endingSubscribers: subscribers,
        newMrr: sum('newMrr'),
        expansionMrr: sum('expansionMrr'),
        contractionMrr: sum('contractionMrr'),
        churnedMrr: sum('churnedMrr'),
        reactivationMrr: sum('reactivationMrr'),
        netNewMrr: sum('netNewMrr'),
        churnedSubscribers: sum('churnedSubscribers'),
      });
      expect(summary.netNewMrr).toBe(summary.endingMrr - summary.startingMrr);
      // The buckets tile [from, to) exactly.
      expect(buckets[0].start).toBe('2024-11-20T12:00:00.000Z');
      expect(buckets.at(-1)!.end).toBe('2025-02-03T00:00:00.000Z');
      buckets.slice(1).forEach((b, i) => expect(b.start).toBe(buckets[i].end));
    }
  });

  it('agrees with the rows themselves when the ledger is consistent', () => {
    // An independent tally straight from the rows: each row's own before/after, in time order.
    const from = Date.parse('2024-11-20T12:00:00Z');
    const to = Date.parse('2025-02-03T00:00:00Z');
    const rows = generated
      .filter((m) => m.currency === 'usd')
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const paidOnce = new Set<string>();
    const tally = { newMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0, reactivationMrr: 0 };
    for (const { subscriptionId, occurredAt, mrrBefore: b, mrrAfter: a } of rows) {
      const inRange = occurredAt.getTime() >= from && occurredAt.getTime() < to;
      if (inRange && b === 0 && a > 0) tally[paidOnce.has(subscriptionId) ? 'reactivationMrr' : 'newMrr'] += a;
      if (inRange && b > 0 && a > b) tally.expansionMrr += a - b;
      if (inRange && a > 0 && a < b) tally.contractionMrr += b - a;
      if (inRange && b > 0 && a === 0) tally.churnedMrr += b;
      if (a > 0) paidOnce.add(subscriptionId);
    }
    const { summary } = currency(report(generated, '2024-11-20T12:00:00Z', '2025-02-03T00:00:00Z', 'week'), 'usd');
    expect(summary).toMatchObject(tally);
  });

  it('exercises every kind of movement', () => {
    const { summary } = currency(report(generated, '2024-11-20T12:00:00Z', '2025-02-03T00:00:00Z', 'month'), 'usd');
    for (const flow of [
      summary.newMrr,
      summary.expansionMrr,
      summary.contractionMrr,
      summary.churnedMrr,
      summary.reactivationMrr,
    ]) {
      expect(flow).toBeGreaterThan(0);
    }
  });
});
