import { metricDays } from './ad-performance-report.js';

describe('the days an ad performance report covers', () => {
  it('takes the UTC days the instants touch, the end exclusive', () => {
    expect(metricDays({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-03T00:00:00Z') })).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
      truncated: false,
    });
    expect(metricDays({ from: new Date('2026-12-01T23:00:00Z'), to: new Date('2026-12-02T00:00:01Z') })).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
      truncated: false,
    });
  });

  it('keeps the last 92 days of a longer range and says so', () => {
    expect(metricDays({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-12-04T00:00:00Z') })).toEqual({
      from: '2026-09-03',
      to: '2026-12-03',
      truncated: true,
    });
  });
});
