import { change } from '../domain/report-range.js';
import type { Totals } from './analytics-reader.js';

export interface Metric {
  value: number;
  previous?: number;
  change?: number | null;
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The dashboard's headline figures, derived from rollup totals. */
export function headline(totals: Totals): Record<string, number> {
  return {
    views: totals.views,
    uniqueViewers: totals.uniqueViewers,
    watchTimeSeconds: round(totals.watchSeconds, 2),
    averageViewDurationSeconds: totals.views ? round(totals.watchSeconds / totals.views, 2) : 0,
    completionRate: totals.views ? round(totals.completions / totals.views) : 0,
    newFollowers: totals.newFollowers,
    likes: totals.likes,
    comments: totals.comments,
    ratings: totals.ratings,
    revenueCents: totals.revenueCents,
  };
}

/** Each figure with, when asked, the previous period's value and the relative change. */
export function withComparison(current: Totals, previous: Totals | null): Record<string, Metric> {
  const now = headline(current);
  const before = previous ? headline(previous) : null;
  return Object.fromEntries(
    Object.entries(now).map(([name, value]) => [
      name,
      before ? { value, previous: before[name], change: change(value, before[name]) } : { value },
    ]),
  );
}
