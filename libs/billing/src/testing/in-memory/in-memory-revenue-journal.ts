import { bucketStartOf, type RevenueInterval } from '../../domain/revenue/revenue-range.js';
import {
  RevenueJournal,
  type RevenueEntry,
  type RevenueStreamBucketTotal,
  type RevenueStreamTotal,
} from '../../domain/revenue/revenue-journal.js';

/** The revenue journal in memory: unique per source key, sums as the SQL journal computes them. */
export class InMemoryRevenueJournal extends RevenueJournal {
  readonly entries: RevenueEntry[] = [];

  async record(entry: RevenueEntry) {
    if (this.entries.some((known) => known.sourceKey === entry.sourceKey)) return false;
    this.entries.push(entry);
    return true;
  }

  async totals(range: { from: Date; to: Date }): Promise<RevenueStreamTotal[]> {
    return (await this.bucketed(range, null)).map(({ stream, currency, amount }) => ({ stream, currency, amount }));
  }

  async bucketed(
    range: { from: Date; to: Date },
    interval: RevenueInterval | null,
  ): Promise<RevenueStreamBucketTotal[]> {
    const sums = new Map<string, RevenueStreamBucketTotal>();
    for (const entry of this.entries) {
      if (entry.occurredAt < range.from || entry.occurredAt >= range.to) continue;
      const bucketStart = interval ? bucketStartOf(entry.occurredAt, interval) : range.from;
      const key = `${bucketStart.toISOString()}|${entry.stream}|${entry.currency}`;
      const sum = sums.get(key) ?? { bucketStart, stream: entry.stream, currency: entry.currency, amount: 0 };
      sum.amount += entry.amount;
      sums.set(key, sum);
    }
    return [...sums.values()];
  }
}
