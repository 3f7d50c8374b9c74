/** The revenue streams besides subscriptions, as billing journals them. */
export const REVENUE_STREAM_NAMES = ['tips', 'commission', 'gifts', 'ads', 'overage'] as const;
export type RevenueStreamName = (typeof REVENUE_STREAM_NAMES)[number];

/** One UTC day of one currency: the net of each stream in minor units (0 when none). */
export interface RevenueStreamsDay {
  day: string;
  currency: string;
  streams: Record<RevenueStreamName, number>;
}

/**
 * Billing's synchronous port for the revenue streams besides subscriptions (tips, commission, gifts, ads, overage),
 * read from billing's revenue journal so every dashboard shows billing's own figures. Never sums currencies.
 */
export abstract class RevenueStreams {
  /** Net per UTC day and currency of the entries in [from, to); days without entries are left out. */
  abstract daily(range: { from: Date; to: Date }): Promise<RevenueStreamsDay[]>;
}
