import { computeRevenueMetrics, emptyCurrencyRevenue } from './revenue-metrics.js';
import { withRevenueStreams, type StreamAmount } from './revenue-streams.js';

describe('revenue streams in the revenue report', () => {
  const query = {
    from: new Date('2026-03-10T12:00:00Z'),
    to: new Date('2026-05-01T00:00:00Z'),
    interval: 'month' as const,
  };
  const report = (amounts: StreamAmount[]) =>
    withRevenueStreams(computeRevenueMetrics([], query), amounts, query, (currency) =>
      emptyCurrencyRevenue(currency, query),
    );

  it('puts each amount in its bucket (a clipped first bucket included) and sums the summary, per currency', () => {
    const revenue = report([
      { at: new Date('2026-03-01T00:00:00Z'), stream: 'gifts', currency: 'usd', amount: 4_990 },
      { at: new Date('2026-04-01T00:00:00Z'), stream: 'gifts', currency: 'usd', amount: -4_990 },
      { at: new Date('2026-04-01T00:00:00Z'), stream: 'ads', currency: 'usd', amount: 120 },
      { at: new Date('2026-04-01T00:00:00Z'), stream: 'tips', currency: 'EUR', amount: 500 },
      { at: new Date('2026-05-01T00:00:00Z'), stream: 'overage', currency: 'usd', amount: 9 }, // at `to`: outside
    ]);
    expect(revenue.currencies.map((entry) => entry.currency)).toEqual(['eur', 'usd']);
    const usd = revenue.currencies[1];
    expect(usd.buckets.map((bucket) => [bucket.start, bucket.streams.gifts, bucket.streams.ads])).toEqual([
      ['2026-03-10T12:00:00.000Z', 4_990, 0],
      ['2026-04-01T00:00:00.000Z', -4_990, 120],
    ]);
    expect(usd.summary.streams).toEqual({ tips: 0, commission: 0, gifts: 0, ads: 120, overage: 0 });
    expect(usd.summary.endingMrr).toBe(0);
    expect(revenue.currencies[0].summary.streams).toEqual({ tips: 500, commission: 0, gifts: 0, ads: 0, overage: 0 });
  });

  it('gives every bucket all five streams at zero when the journal is empty', () => {
    const revenue = report([]);
    expect(revenue.currencies).toEqual([]);
    const usd = withRevenueStreams(
      { ...computeRevenueMetrics([], query), currencies: [emptyCurrencyRevenue('usd', query)] },
      [],
      query,
      (currency) => emptyCurrencyRevenue(currency, query),
    ).currencies[0];
    expect(usd.buckets.every((bucket) => Object.values(bucket.streams).every((value) => value === 0))).toBe(true);
    expect(Object.keys(usd.summary.streams)).toEqual(['tips', 'commission', 'gifts', 'ads', 'overage']);
  });
});
