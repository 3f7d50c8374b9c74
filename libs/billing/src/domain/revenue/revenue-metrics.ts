import { addFlows, MrrLedger, netNewMrr, noFlows, recordFlow, type MrrFlows } from './mrr-ledger.js';
import type { MrrMovement } from './mrr-movement.js';
import { bucketRanges, type BucketRange, type RevenueInterval, type RevenueQuery } from './revenue-range.js';

// The subscription aggregate imports monthlyRecurringAmount from this module.
export { monthlyRecurringAmount } from './mrr-movement.js';

/** Revenue metrics of one range, one entry per currency (cents of different currencies are never added). */
export interface RevenueReport {
  from: string;
  to: string;
  interval: RevenueInterval;
  /** One per currency with any movement before `to`, sorted by code. */
  currencies: CurrencyRevenue[];
}

/** One currency's buckets and the summary of the whole range. */
export interface CurrencyRevenue {
  currency: string;
  buckets: RevenueBucket[];
  summary: RevenueSummary;
}

/** The whole range [from, to) in one currency; its flows are the sums of the buckets' flows. */
export interface RevenueSummary {
  startingMrr: number;
  endingMrr: number;
  /** MRR at `to` per plan; sums to endingMrr. */
  endingMrrByPlan: Record<string, number>;
  newMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  reactivationMrr: number;
  netNewMrr: number;
  startingSubscribers: number;
  endingSubscribers: number;
  churnedSubscribers: number;
  /** Churned subscriptions / subscribers at `from`, scaled to a 30-day month; null when nobody paid at `from`. */
  monthlyChurnRate: number | null;
  /** endingMrr / endingSubscribers; null without subscribers. */
  arpu: number | null;
  /** arpu / monthlyChurnRate; null when either is null or nobody churned. */
  ltv: number | null;
}

/** One bucket [start, end) in one currency. Money is minor units per month; flows are magnitudes (>= 0). */
export interface RevenueBucket {
  start: string;
  end: string;
  /** MRR at the bucket's end. */
  mrr: number;
  newMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  /** Sum of the MRR churned subscriptions had before they left. */
  churnedMrr: number;
  reactivationMrr: number;
  /** new + expansion + reactivation - contraction - churned, which is MRR at end minus MRR at start. */
  netNewMrr: number;
  /** Subscriptions with MRR above 0 at the bucket's end. */
  subscribers: number;
  subscribersByPlan: Record<string, number>;
  /** MRR at the bucket's end per plan (net of discounts, trials excluded); sums to `mrr`. */
  mrrByPlan: Record<string, number>;
  /** New and reactivated subscriptions, so that start + new - churned = end. */
  newSubscribers: number;
  churnedSubscribers: number;
  /** churnedSubscribers / subscribers at the bucket's start; null when that is 0. */
  churnRate: number | null;
  /** mrr / subscribers at the bucket's end; null without subscribers. */
  arpu: number | null;
}

const DAY_MS = 86_400_000;
const MONTH_MS = 30 * DAY_MS;

/**
 * Revenue metrics (MRR, its movements, subscribers, churn, ARPU, LTV) per currency over [query.from, query.to),
 * replayed from the MRR movement ledger. Movements may come in any order (time order, ties kept in input order)
 * and may start long before `from`: the state at `from` is built from all earlier ones.
 *
 * Choices worth knowing:
 * - Buckets are UTC calendar days, Monday-weeks or months; the first and last are clipped to [from, to), so the
 *   summary is exactly the sum of the buckets and nothing outside the asked range is counted.
 * - A movement is measured from the subscription's previous `mrrAfter` (see MrrLedger), so MRR always bridges.
 * - A subscription is assumed to bill in one currency for life (Stripe enforces it); each currency is replayed alone.
 * - monthlyChurnRate = churned subscriptions in the range / subscribers at `from`, scaled linearly to 30 days
 *   (× 30 days / range length). It is null when nobody paid at `from`: averaging subscribers over the range instead
 *   would silently switch definitions between reports, and a rate with a tiny or invented base is not a churn rate.
 *   Like every "simple" churn rate it counts subscriptions that joined and left inside the range, so it can exceed 1.
 * - ARPU and LTV are rounded to 2 decimals, rates to 4; LTV is computed from the unrounded ARPU and churn rate.
 *
 * Throws InvalidRevenueRangeError when from >= to, a date is invalid, or the range needs more than 1,000 buckets;
 * RangeError when a movement is malformed (negative or fractional MRR, invalid date): that is a ledger bug, not a query.
 */
export function computeRevenueMetrics(movements: readonly MrrMovement[], query: RevenueQuery): RevenueReport {
  const buckets = bucketRanges(query);
  const byCurrency = groupByCurrency(chronological(movements).filter((m) => m.occurredAt < query.to));
  return {
    from: query.from.toISOString(),
    to: query.to.toISOString(),
    interval: query.interval,
    currencies: [...byCurrency.keys()]
      .sort()
      .map((currency) => currencyRevenue(currency, byCurrency.get(currency)!, query, buckets)),
  };
}

/** A currency's report with no subscription revenue at all (zero MRR in every bucket). */
export function emptyCurrencyRevenue(currency: string, query: RevenueQuery): CurrencyRevenue {
  return currencyRevenue(currency.toLowerCase(), [], query, bucketRanges(query));
}

/** Movements in time order; Array.prototype.sort is stable, so simultaneous movements keep their input order. */
function chronological(movements: readonly MrrMovement[]): MrrMovement[] {
  movements.forEach(assertWellFormed);
  return [...movements].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function assertWellFormed(movement: MrrMovement): void {
  const isMrr = (value: number) => Number.isSafeInteger(value) && value >= 0;
  const isInstant = movement.occurredAt instanceof Date && !Number.isNaN(movement.occurredAt.getTime());
  if (!isMrr(movement.mrrBefore) || !isMrr(movement.mrrAfter) || !isInstant) {
    throw new RangeError(`Malformed MRR movement of subscription ${movement.subscriptionId}`);
  }
}

/** Movements per currency code, keeping their order; codes are lowercased so `USD` and `usd` are one currency. */
function groupByCurrency(movements: MrrMovement[]): Map<string, MrrMovement[]> {
  const groups = new Map<string, MrrMovement[]>();
  for (const movement of movements) {
    const currency = movement.currency.toLowerCase();
    const group = groups.get(currency) ?? [];
    group.push(movement);
    groups.set(currency, group);
  }
  return groups;
}

/** One currency's report: replay everything before `from`, then each bucket in turn. */
function currencyRevenue(
  currency: string,
  movements: MrrMovement[],
  query: RevenueQuery,
  ranges: BucketRange[],
): CurrencyRevenue {
  const ledger = new MrrLedger();
  const replayUntil = replayer(movements, ledger);
  replayUntil(query.from);
  const starting = { mrr: ledger.mrr, subscribers: ledger.subscribers };
  let total = noFlows();
  const buckets = ranges.map((range) => {
    const subscribersAtStart = ledger.subscribers;
    const flows = replayUntil(range.end);
    total = addFlows(total, flows);
    return revenueBucket(range, flows, subscribersAtStart, ledger);
  });
  return { currency, buckets, summary: summarise(starting, total, ledger, query) };
}

/** A function that applies the next movements occurring before `end` to the ledger and returns their flows. */
function replayer(movements: MrrMovement[], ledger: MrrLedger): (end: Date) => MrrFlows {
  let next = 0;
  return (end) => {
    const flows = noFlows();
    for (; next < movements.length && movements[next].occurredAt < end; next++) {
      const applied = ledger.apply(movements[next]);
      if (applied) recordFlow(flows, applied);
    }
    return flows;
  };
}

function revenueBucket(
  range: BucketRange,
  flows: MrrFlows,
  subscribersAtStart: number,
  ledger: MrrLedger,
): RevenueBucket {
  return {
    start: range.start.toISOString(),
    end: range.end.toISOString(),
    mrr: ledger.mrr,
    newMrr: flows.newMrr,
    expansionMrr: flows.expansionMrr,
    contractionMrr: flows.contractionMrr,
    churnedMrr: flows.churnedMrr,
    reactivationMrr: flows.reactivationMrr,
    netNewMrr: netNewMrr(flows),
    subscribers: ledger.subscribers,
    subscribersByPlan: ledger.subscribersByPlan(),
    mrrByPlan: ledger.mrrByPlan(),
    newSubscribers: flows.newSubscribers,
    churnedSubscribers: flows.churnedSubscribers,
    churnRate: roundOrNull(ratio(flows.churnedSubscribers, subscribersAtStart), 4),
    arpu: roundOrNull(ratio(ledger.mrr, ledger.subscribers), 2),
  };
}

function summarise(
  starting: { mrr: number; subscribers: number },
  total: MrrFlows,
  ending: MrrLedger,
  query: RevenueQuery,
): RevenueSummary {
  const arpu = ratio(ending.mrr, ending.subscribers);
  const monthlyChurnRate = monthlyChurn(total.churnedSubscribers, starting.subscribers, query);
  return {
    startingMrr: starting.mrr,
    endingMrr: ending.mrr,
    endingMrrByPlan: ending.mrrByPlan(),
    newMrr: total.newMrr,
    expansionMrr: total.expansionMrr,
    contractionMrr: total.contractionMrr,
    churnedMrr: total.churnedMrr,
    reactivationMrr: total.reactivationMrr,
    netNewMrr: netNewMrr(total),
    startingSubscribers: starting.subscribers,
    endingSubscribers: ending.subscribers,
    churnedSubscribers: total.churnedSubscribers,
    monthlyChurnRate: roundOrNull(monthlyChurnRate, 4),
    arpu: roundOrNull(arpu, 2),
    // The unrounded inputs: dividing by a 4-decimal rate would move LTV by whole units.
    ltv: roundOrNull(arpu === null || !monthlyChurnRate ? null : arpu / monthlyChurnRate, 2),
  };
}

/** Churned / subscribers at `from`, scaled linearly from the range's length to a 30-day month. */
function monthlyChurn(churned: number, subscribersAtFrom: number, { from, to }: RevenueQuery): number | null {
  const rate = ratio(churned, subscribersAtFrom);
  return rate === null ? null : (rate * MONTH_MS) / (to.getTime() - from.getTime());
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Rounds half up to `decimals` places; the epsilon keeps 1.005 from rounding down through its binary form. */
function roundOrNull(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor * (1 + Number.EPSILON)) / factor;
}
