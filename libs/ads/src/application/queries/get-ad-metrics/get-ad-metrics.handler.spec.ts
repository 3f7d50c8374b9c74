import { foldMetrics } from './get-ad-metrics.handler.js';

const row = (overrides: Partial<Parameters<typeof foldMetrics>[0][number]>) => ({
  day: '2026-12-03',
  campaignId: 'c1',
  creativeId: 'k1',
  placement: 'preroll' as const,
  impressions: 10,
  clicks: 1,
  spendMillis: 20_000,
  currency: 'usd',
  ...overrides,
});

describe('ad metrics', () => {
  const counts = new Map([
    ['2026-12-03|req:preroll', 40],
    ['2026-12-03|fill:cr:k1', 12],
    ['2026-12-03|fill:cr:k2', 8],
    ['2026-12-03|req:leaderboard', 100],
    ['2026-12-03|fill:cr:k3', 50],
  ]);

  it('sums a campaign’s creatives and derives CTR, spend, RPM and fill rate', () => {
    const rows = foldMetrics(
      [row({}), row({ creativeId: 'k2', impressions: 5, clicks: 2, spendMillis: 10_000 })],
      counts,
      'campaign',
    );
    expect(rows).toEqual([
      {
        key: 'c1',
        currency: 'usd',
        requests: 40,
        decisions: 20,
        impressions: 15,
        clicks: 3,
        ctr: 0.2,
        spend: 30,
        rpm: 750,
        fillRate: 0.5,
      },
    ]);
  });

  it('keeps currencies and placements apart', () => {
    const rows = foldMetrics(
      [row({}), row({ campaignId: 'c2', creativeId: 'k3', placement: 'leaderboard', currency: 'eur' })],
      counts,
      'placement',
    );
    expect(rows.map((r) => [r.key, r.currency, r.requests, r.fillRate])).toEqual([
      ['leaderboard', 'eur', 100, 0.5],
      ['preroll', 'usd', 40, 0.3],
    ]);
  });
});
