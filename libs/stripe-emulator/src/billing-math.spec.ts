import { addIntervals, formatAmount, formatDay, periodContaining, periodEndAfter, prorate } from './billing-math.js';
import { unix } from './testing/index.js';

const monthly = { interval: 'month', interval_count: 1 } as const;

describe('billing calendar', () => {
  it('adds calendar months, keeping the anchor day and clamping it to shorter months', () => {
    const jan31 = unix('2026-01-31T10:00:00Z');
    expect(addIntervals(jan31, monthly, 1)).toBe(unix('2026-02-28T10:00:00Z'));
    expect(addIntervals(jan31, monthly, 2)).toBe(unix('2026-03-31T10:00:00Z'));
    expect(addIntervals(jan31, { interval: 'year', interval_count: 1 }, 1)).toBe(unix('2027-01-31T10:00:00Z'));
    expect(addIntervals(unix('2028-02-29T00:00:00Z'), { interval: 'year', interval_count: 1 }, 1)).toBe(
      unix('2029-02-28T00:00:00Z'),
    );
    expect(addIntervals(jan31, { interval: 'week', interval_count: 2 }, 1)).toBe(unix('2026-02-14T10:00:00Z'));
  });

  it('finds the next boundary and the period containing a moment from the anchor', () => {
    const anchor = unix('2026-01-31T00:00:00Z');
    expect(periodEndAfter(anchor, monthly, unix('2026-02-28T00:00:00Z'))).toBe(unix('2026-03-31T00:00:00Z'));
    expect(periodContaining(anchor, monthly, unix('2026-03-15T00:00:00Z'))).toEqual({
      start: unix('2026-02-28T00:00:00Z'),
      end: unix('2026-03-31T00:00:00Z'),
    });
  });

  it('prorates by the second and rounds to the nearest minor unit', () => {
    const period = { start: unix('2026-01-01T00:00:00Z'), end: unix('2026-02-01T00:00:00Z') };
    expect(prorate(1000, period, unix('2026-01-11T00:00:00Z'))).toBe(677); // 1000 × 21/31 = 677.42
    expect(prorate(3000, period, unix('2026-01-11T00:00:00Z'))).toBe(2032); // 3000 × 21/31 = 2032.26
    expect(prorate(1000, period, period.start - 100)).toBe(1000);
    expect(prorate(1000, period, period.end + 100)).toBe(0);
  });

  it('writes amounts and days the way Stripe line descriptions do', () => {
    expect(formatAmount(1999, 'usd')).toBe('$19.99');
    expect(formatAmount(500, 'jpy')).toBe('¥500');
    expect(formatDay(unix('2026-01-11T12:00:00Z'))).toBe('11 Jan 2026');
  });
});
