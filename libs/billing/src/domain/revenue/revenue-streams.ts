import { REVENUE_STREAMS, type RevenueStream } from './revenue-journal.js';
import type { CurrencyRevenue, RevenueBucket, RevenueReport, RevenueSummary } from './revenue-metrics.js';
import type { RevenueQuery } from './revenue-range.js';

/** Net amount per stream in minor units of one currency; every stream present (0 when none). */
export type StreamAmounts = Record<RevenueStream, number>;

/** One journal sum: a stream's net amount in one currency within the bucket starting at (or containing) `at`. */
export interface StreamAmount {
  at: Date;
  stream: RevenueStream;
  currency: string;
  amount: number;
}

export type BucketWithStreams = RevenueBucket & { streams: StreamAmounts };
export type SummaryWithStreams = RevenueSummary & { streams: StreamAmounts };
export interface CurrencyRevenueWithStreams extends CurrencyRevenue {
  buckets: BucketWithStreams[];
  summary: SummaryWithStreams;
}
export interface RevenueReportWithStreams extends RevenueReport {
  currencies: CurrencyRevenueWithStreams[];
}

export function noStreams(): StreamAmounts {
  return Object.fromEntries(REVENUE_STREAMS.map((stream) => [stream, 0])) as StreamAmounts;
}

/**
 * Adds the journal's streams (tips, commission, gifts, ads, overage) to an MRR report: per bucket and in the
 * summary, per currency (never summed across currencies). A currency with journal entries but no subscription
 * revenue gets a report of its own with zero MRR, so no money goes missing. Amounts outside [from, to) are ignored.
 */
export function withRevenueStreams(
  report: RevenueReport,
  amounts: readonly StreamAmount[],
  query: RevenueQuery,
  emptyCurrency: (currency: string) => CurrencyRevenue,
): RevenueReportWithStreams {
  const byCurrency = new Map<string, StreamAmount[]>();
  for (const amount of amounts) {
    if (amount.at >= query.to) continue;
    const currency = amount.currency.toLowerCase();
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), amount]);
  }
  const known = new Map(report.currencies.map((entry) => [entry.currency, entry]));
  const currencies = [...new Set([...known.keys(), ...byCurrency.keys()])].sort();
  return {
    ...report,
    currencies: currencies.map((currency) =>
      currencyWithStreams(known.get(currency) ?? emptyCurrency(currency), byCurrency.get(currency) ?? [], query),
    ),
  };
}

function currencyWithStreams(
  revenue: CurrencyRevenue,
  amounts: StreamAmount[],
  query: RevenueQuery,
): CurrencyRevenueWithStreams {
  const buckets = revenue.buckets.map((bucket) => ({ ...bucket, streams: noStreams() }));
  const summary = noStreams();
  for (const amount of amounts) {
    // A journal bucket starts at its aligned boundary; the report's first bucket is clipped to `from`.
    const at = Math.max(amount.at.getTime(), query.from.getTime());
    const bucket = buckets.find((b) => new Date(b.start).getTime() <= at && at < new Date(b.end).getTime());
    if (!bucket) continue;
    bucket.streams[amount.stream] += amount.amount;
    summary[amount.stream] += amount.amount;
  }
  return { ...revenue, buckets, summary: { ...revenue.summary, streams: summary } };
}
