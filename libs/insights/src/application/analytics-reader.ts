import type { RevenueStreamsDay } from '@lib/billing/contracts';
import type { ReportRange } from '../domain/report-range.js';

export type Scope = 'video' | 'channel' | 'creator' | 'platform';

export interface Totals {
  views: number;
  uniqueViewers: number;
  watchSeconds: number;
  completions: number;
  newFollowers: number;
  revenueCents: number;
  /** Net new likes (likes − unlikes) in the range. */
  likes: number;
  /** Net new public comments (posted − deleted). */
  comments: number;
  /** Net new ratings (first ratings − withdrawals; changing one's stars is not a new rating). */
  ratings: number;
}

export interface SeriesPoint extends Totals {
  /** The bucket's start (local hour or local midnight in the requested zone), as an instant. */
  start: string;
}

export interface Breakdown {
  value: string;
  views: number;
}

export interface PlatformFigures {
  activeUsers: { dau: number; wau: number; mau: number };
  newUsers: number;
  dailyActive: Array<{ day: string; users: number }>;
  newUserSeries: Array<{ day: string; users: number }>;
  cohorts: Array<{ week: string; size: number; retained: number[] }>;
  funnel: { visitors: number; signups: number; firstView: number; subscribed: number };
  topContent: Array<{ videoId: string; channelId: string | null; views: number; watchSeconds: number }>;
  /** MRR figures from billing's classified movements (billing.mrr-movement-recorded.v1); amounts are positive magnitudes. */
  revenue: Array<{
    day: string;
    mrrCents: number;
    revenueCents: number;
    newMrrCents: number;
    expansionMrrCents: number;
    contractionMrrCents: number;
    churnedMrrCents: number;
    reactivationMrrCents: number;
    churnedSubscriptions: number;
  }>;
}

/** Reads rollups (never raw events, except to find which channel an unknown video is on). */
export abstract class AnalyticsReader {
  abstract totals(scope: Scope, scopeId: string, from: Date, to: Date): Promise<Totals>;
  abstract series(scope: Scope, scopeId: string, range: ReportRange): Promise<SeriesPoint[]>;
  abstract breakdown(
    scope: Scope,
    scopeId: string,
    dimension: 'source' | 'country' | 'device',
    from: Date,
    to: Date,
  ): Promise<Breakdown[]>;
  /** Viewers by how far they got: 21 buckets (0%, 5%, ... 100%). */
  abstract reachHistogram(videoId: string, from: Date, to: Date): Promise<number[]>;
  abstract topVideos(
    scope: Scope,
    scopeId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<PlatformFigures['topContent']>;
  abstract platform(range: ReportRange): Promise<PlatformFigures>;
  /** Billing's other revenue streams, net per UTC day and currency in [from, to); days without entries left out. */
  abstract revenueStreams(range: { from: Date; to: Date }): Promise<RevenueStreamsDay[]>;
}
