import { DomainError } from '@lib/platform/ddd';
import { bucketRanges, bucketStartOf, MAX_REVENUE_BUCKETS, type RevenueInterval } from './revenue-range.js';
import { InvalidRevenueRangeError } from './revenue.errors.js';

const at = (iso: string) => new Date(iso);
const ranges = (from: string, to: string, interval: RevenueInterval) =>
  bucketRanges({ from: at(from), to: at(to), interval }).map(({ start, end }) => [
    start.toISOString(),
    end.toISOString(),
  ]);

describe('the UTC start of a bucket', () => {
  it('is 00:00Z of the day', () => {
    expect(bucketStartOf(at('2025-03-06T23:59:59.999Z'), 'day')).toEqual(at('2025-03-06T00:00:00Z'));
  });

  it('is the Monday of the week, also for a Sunday and across a new year', () => {
    expect(bucketStartOf(at('2025-01-05T23:59:59.999Z'), 'week')).toEqual(at('2024-12-30T00:00:00Z')); // Sunday
    expect(bucketStartOf(at('2025-01-06T00:00:00Z'), 'week')).toEqual(at('2025-01-06T00:00:00Z')); // Monday itself
    expect(bucketStartOf(at('2025-01-08T12:00:00Z'), 'week')).toEqual(at('2025-01-06T00:00:00Z')); // Wednesday
  });

  it('is the 1st of the month', () => {
    expect(bucketStartOf(at('2024-02-29T18:00:00Z'), 'month')).toEqual(at('2024-02-01T00:00:00Z'));
  });
});

describe('the buckets of a range', () => {
  it('follow calendar months, clipping the first and last to the range', () => {
    expect(ranges('2024-11-15T00:00:00Z', '2025-02-10T00:00:00Z', 'month')).toEqual([
      ['2024-11-15T00:00:00.000Z', '2024-12-01T00:00:00.000Z'],
      ['2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'],
      ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'],
      ['2025-02-01T00:00:00.000Z', '2025-02-10T00:00:00.000Z'],
    ]);
  });

  it('leave out a bucket that would start exactly at `to`', () => {
    expect(ranges('2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z', 'month')).toEqual([
      ['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'],
      ['2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ]);
  });

  it('start weeks on Monday', () => {
    // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30.
    expect(ranges('2025-01-01T00:00:00Z', '2025-01-14T00:00:00Z', 'week')).toEqual([
      ['2025-01-01T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
      ['2025-01-06T00:00:00.000Z', '2025-01-13T00:00:00.000Z'],
      ['2025-01-13T00:00:00.000Z', '2025-01-14T00:00:00.000Z'],
    ]);
  });

  it('count days through a leap day', () => {
    expect(ranges('2024-02-28T06:00:00Z', '2024-03-01T12:00:00Z', 'day')).toEqual([
      ['2024-02-28T06:00:00.000Z', '2024-02-29T00:00:00.000Z'],
      ['2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
      ['2024-03-01T00:00:00.000Z', '2024-03-01T12:00:00.000Z'],
    ]);
  });

  it('are at most 1,000', () => {
    // 2020-01-01 + 1,000 days = 2022-09-27.
    expect(bucketRanges({ from: at('2020-01-01'), to: at('2022-09-27'), interval: 'day' })).toHaveLength(
      MAX_REVENUE_BUCKETS,
    );
    expect(() => bucketRanges({ from: at('2020-01-01'), to: at('2022-09-27T00:00:00.001Z'), interval: 'day' })).toThrow(
      InvalidRevenueRangeError,
    );
    expect(() => bucketRanges({ from: at('2015-01-01'), to: at('2025-01-01'), interval: 'day' })).toThrow(
      expect.objectContaining({
        code: 'billing.metrics.invalid-range',
        details: { maxBuckets: 1000, interval: 'day' },
      }),
    );
    expect(bucketRanges({ from: at('2015-01-01'), to: at('2025-01-01'), interval: 'month' })).toHaveLength(120);
  });

  it('refuse an empty, reversed or unreadable range, or an unknown interval', () => {
    const refused = (from: Date, to: Date, interval: RevenueInterval = 'day') => {
      let error: unknown;
      try {
        bucketRanges({ from, to, interval });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidRevenueRangeError);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'billing.metrics.invalid-range',
        kind: 'invalid',
        name: 'InvalidRevenueRangeError',
      });
    };
    refused(at('2025-02-01'), at('2025-02-01'));
    refused(at('2025-03-01'), at('2025-02-01'));
    refused(new Date(Number.NaN), at('2025-02-01'));
    refused(at('2025-01-01'), at('2025-02-01'), 'quarter' as RevenueInterval);
  });
});
