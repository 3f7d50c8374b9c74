/** Calendar arithmetic and money formatting, the way Stripe bills: UTC calendar months, prorations by the second. */

export type Interval = 'day' | 'week' | 'month' | 'year';

export interface RecurringTerms {
  interval: Interval;
  interval_count: number;
}

export interface Period {
  start: number;
  end: number;
}

const DAY = 86_400;

/** `anchor` advanced by `times` billing intervals. Months keep the anchor's day, clamped to shorter months (Jan 31 → Feb 28 → Mar 31). */
export function addIntervals(anchor: number, terms: RecurringTerms, times: number): number {
  const steps = terms.interval_count * times;
  switch (terms.interval) {
    case 'day':
      return anchor + steps * DAY;
    case 'week':
      return anchor + steps * 7 * DAY;
    case 'month':
      return addMonths(anchor, steps);
    case 'year':
      return addMonths(anchor, steps * 12);
  }
}

function addMonths(seconds: number, months: number): number {
  const date = new Date(seconds * 1000);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDayOfMonth);
  const shifted = Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(shifted / 1000);
}

/** The first period boundary counted from the anchor that lies strictly after `after`. */
export function periodEndAfter(anchor: number, terms: RecurringTerms, after: number): number {
  let times = 1;
  while (addIntervals(anchor, terms, times) <= after) times++;
  return addIntervals(anchor, terms, times);
}

/** The billing period (from the anchor's cycle) that contains `at`. */
export function periodContaining(anchor: number, terms: RecurringTerms, at: number): Period {
  if (at < anchor) return { start: anchor, end: addIntervals(anchor, terms, 1) };
  let times = 0;
  while (addIntervals(anchor, terms, times + 1) <= at) times++;
  return { start: addIntervals(anchor, terms, times), end: addIntervals(anchor, terms, times + 1) };
}

/** The share of `fullAmount` for the part of `period` that lies after `from`, rounded to the nearest minor unit. */
export function prorate(fullAmount: number, period: Period, from: number): number {
  const length = period.end - period.start;
  const remaining = Math.min(Math.max(period.end - from, 0), length);
  if (length <= 0) return 0;
  return Math.round((fullAmount * remaining) / length);
}

export function sameTerms(a: RecurringTerms, b: RecurringTerms): boolean {
  return a.interval === b.interval && a.interval_count === b.interval_count;
}

// Currencies whose amounts Stripe counts in whole units rather than hundredths.
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** 1000 usd → "$10.00", as Stripe writes amounts into line descriptions. */
export function formatAmount(amount: number, currency: string): string {
  const divisor = ZERO_DECIMAL.has(currency) ? 1 : 100;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / divisor,
  );
}

/** "15 Jan 2026", as in "Unused time on Gold after 15 Jan 2026". */
export function formatDay(seconds: number): string {
  const date = new Date(seconds * 1000);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
}

/** "month", "every 3 months", "year" — the tail of "(at $10.00 / month)". */
export function describeInterval(terms: RecurringTerms): string {
  return terms.interval_count === 1 ? terms.interval : `every ${terms.interval_count} ${terms.interval}s`;
}
