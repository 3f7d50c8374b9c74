/**
 * Revenue streams besides subscriptions. Subscription revenue is MRR, replayed from the MRR movement ledger;
 * every other stream is money that arrived (or was reversed) once, journaled here as it happens.
 */
export const REVENUE_STREAMS = ['tips', 'commission', 'gifts', 'ads', 'overage'] as const;
export type RevenueStream = (typeof REVENUE_STREAMS)[number];

/**
 * One amount of one stream in minor units of its currency: positive when money came in, negative when it was
 * reversed (a refund, a dispute). `tips` is the gross tip volume, `commission` the platform's share of it.
 */
export interface RevenueEntry {
  id: string;
  stream: RevenueStream;
  /** What caused it (e.g. `tip:<id>:paid`); one entry per key, so a redelivered fact journals nothing. */
  sourceKey: string;
  amount: number;
  currency: string;
  /** The creator the money is attributed to, when there is one. */
  creatorId: string | null;
  occurredAt: Date;
}

/** One stream's net sum in one currency over a range. */
export interface RevenueStreamTotal {
  stream: RevenueStream;
  currency: string;
  amount: number;
}

/** One stream's net sum in one currency within one report bucket (UTC day, Monday-week or month). */
export interface RevenueStreamBucketTotal extends RevenueStreamTotal {
  /** The aligned start of the bucket (before `from` for a first bucket that is clipped). */
  bucketStart: Date;
}

export abstract class RevenueJournal {
  /** Records the entry unless one with its source key exists; true when recorded. */
  abstract record(entry: RevenueEntry): Promise<boolean>;
  /** Net sums per stream and currency of the entries in [from, to). */
  abstract totals(range: { from: Date; to: Date }): Promise<RevenueStreamTotal[]>;
  /** Net sums per UTC bucket, stream and currency of the entries in [from, to). */
  abstract bucketed(
    range: { from: Date; to: Date },
    interval: 'day' | 'week' | 'month',
  ): Promise<RevenueStreamBucketTotal[]>;
}
