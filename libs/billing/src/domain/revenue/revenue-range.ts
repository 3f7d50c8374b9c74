import { InvalidRevenueRangeError } from './revenue.errors.js';

/** How finely a revenue report divides its range; every bucket boundary is in UTC. */
export type RevenueInterval = 'day' | 'week' | 'month';

/** The half-open range [from, to) a revenue report covers, and its bucket size. */
export interface RevenueQuery {
  from: Date;
  to: Date;
  interval: RevenueInterval;
}

/** One bucket of a report: the half-open range [start, end). */
export interface BucketRange {
  start: Date;
  end: Date;
}

/** More buckets than this is a query nobody can chart (a day-interval query over years); it is refused. */
export const MAX_REVENUE_BUCKETS = 1000;

const INTERVALS: readonly RevenueInterval[] = ['day', 'week', 'month'];

/** The UTC calendar start of the bucket containing `at`: 00:00Z of its day, of its Monday, or of the 1st of its month. */
export function bucketStartOf(at: Date, interval: RevenueInterval): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const day = at.getUTCDate();
  switch (interval) {
    case 'day':
      return new Date(Date.UTC(year, month, day));
    case 'week':
      // getUTCDay() counts from Sunday = 0; weeks here start on Monday (ISO 8601).
      return new Date(Date.UTC(year, month, day - ((at.getUTCDay() + 6) % 7)));
    case 'month':
      return new Date(Date.UTC(year, month, 1));
  }
}

/** The start of the bucket after the one starting at the aligned `start` (Date.UTC rolls day 32 and month 12 over). */
function nextBucketStart(start: Date, interval: RevenueInterval): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const day = start.getUTCDate();
  switch (interval) {
    case 'day':
      return new Date(Date.UTC(year, month, day + 1));
    case 'week':
      return new Date(Date.UTC(year, month, day + 7));
    case 'month':
      return new Date(Date.UTC(year, month + 1, 1));
  }
}

/**
 * The buckets of a query, in order: from the bucket containing `from` to the one containing the last instant before `to`.
 * The first and last buckets are clipped to [from, to), so that nothing outside the asked range is counted
 * and the buckets add up exactly to the whole range. Throws InvalidRevenueRangeError for an unreadable,
 * empty or reversed range, an unknown interval, or more than MAX_REVENUE_BUCKETS buckets.
 */
export function bucketRanges(query: RevenueQuery): BucketRange[] {
  assertReadableRange(query);
  const { from, to, interval } = query;
  const buckets: BucketRange[] = [];
  for (let start = bucketStartOf(from, interval); start < to; start = nextBucketStart(start, interval)) {
    if (buckets.length === MAX_REVENUE_BUCKETS) {
      throw new InvalidRevenueRangeError(
        `A revenue report has at most ${MAX_REVENUE_BUCKETS} buckets; use a coarser interval`,
        {
          maxBuckets: MAX_REVENUE_BUCKETS,
          interval,
        },
      );
    }
    const end = nextBucketStart(start, interval);
    buckets.push({ start: start < from ? from : start, end: end > to ? to : end });
  }
  return buckets;
}

function assertReadableRange({ from, to, interval }: RevenueQuery): void {
  if (!INTERVALS.includes(interval)) {
    throw new InvalidRevenueRangeError(`Unknown interval "${String(interval)}"; use one of ${INTERVALS.join(', ')}`);
  }
  if (!isValidDate(from) || !isValidDate(to)) {
    throw new InvalidRevenueRangeError('A revenue range needs two valid dates');
  }
  if (from.getTime() >= to.getTime()) {
    throw new InvalidRevenueRangeError('A revenue range must start before it ends', {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
