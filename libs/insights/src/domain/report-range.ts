import { InvalidRangeError, InvalidTimeZoneError } from './insights.errors.js';

export type Granularity = 'hour' | 'day';

/** A validated reporting window: [from, to) in UTC instants, read in a time zone. */
export interface ReportRange {
  from: Date;
  to: Date;
  tz: string;
  granularity: Granularity;
}

const MAX_RANGE_DAYS = 400;
const HOURLY_UP_TO_MS = 2 * 86_400_000;

export function assertTimeZone(tz: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidTimeZoneError(tz);
  }
}

/** Checks a requested range; the series is hourly up to two days, daily (local days) beyond. */
export function reportRange(from: Date, to: Date, tz = 'UTC', granularity?: Granularity): ReportRange {
  const zone = assertTimeZone(tz);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new InvalidRangeError('`from` and `to` must be ISO 8601 dates');
  if (!(from < to))
    throw new InvalidRangeError('`from` must be before `to`', { from: from.toISOString(), to: to.toISOString() });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new InvalidRangeError(`A range spans at most ${MAX_RANGE_DAYS} days`);
  return {
    from,
    to,
    tz: zone,
    granularity: granularity ?? (to.getTime() - from.getTime() <= HOURLY_UP_TO_MS ? 'hour' : 'day'),
  };
}

/** The period of the same length just before (for `compare=previous`). */
export function previousPeriod(range: ReportRange): ReportRange {
  const length = range.to.getTime() - range.from.getTime();
  return { ...range, from: new Date(range.from.getTime() - length), to: new Date(range.from.getTime()) };
}

/** Relative change from the previous value; null when there is nothing to compare with. */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) / previous) * 10_000) / 10_000;
}

/** Share of viewers still watching at 0%, 5%, ... 100%, from how many stopped in each 5% bucket. */
export function retentionCurve(reachHistogram: number[]): Array<{ at: number; share: number }> {
  const total = reachHistogram.reduce((sum, n) => sum + n, 0);
  const curve: Array<{ at: number; share: number }> = [];
  let remaining = total;
  for (let bucket = 0; bucket <= 20; bucket += 1) {
    curve.push({ at: bucket * 5, share: total ? Math.round((remaining / total) * 10_000) / 10_000 : 0 });
    remaining -= reachHistogram[bucket] ?? 0;
  }
  return curve;
}
