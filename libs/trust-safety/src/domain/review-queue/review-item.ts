import { CATEGORY_SEVERITY, type ReportCategory } from '../reports/report.js';

export const REVIEW_ITEM_KINDS = ['report', 'screening', 'appeal', 'dmca'] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

/** An open item with no decision by this time is a breach of the review target. */
export function dueTimeFor(category: string, from: Date): Date {
  const severity = CATEGORY_SEVERITY[category as ReportCategory] ?? 1;
  const hours = severity >= 5 ? 1 : severity >= 4 ? 4 : 24;
  return new Date(from.getTime() + hours * 3_600_000);
}

/**
 * Screening verdicts: hidden and held texts are invisible until decided, so they come sooner; an
 * automated flag weighs like one trusted reporter.
 */
export const SCREENING_SEVERITY = { hide: 3, hold: 2, flag: 1 } as const;
export const SCREENING_WEIGHT = 1;

export function screeningDueTime(action: keyof typeof SCREENING_SEVERITY, from: Date): Date {
  return new Date(from.getTime() + (action === 'flag' ? 24 : 4) * 3_600_000);
}

export function severityOf(category: string): number {
  return CATEGORY_SEVERITY[category as ReportCategory] ?? 1;
}

/** A reporter's weight grows with trust: a day-old account's report counts half a trusted member's. */
export function reporterWeight(trustLevel: number): number {
  return 0.5 + 0.5 * trustLevel;
}

/** Fresh activity counts fully; an item whose last report is a day old counts half. */
export function recencyFactor(lastActivityAt: Date, asOf: Date): number {
  const hours = Math.max(0, (asOf.getTime() - lastActivityAt.getTime()) / 3_600_000);
  return 1 / (1 + hours / 24);
}

/** Queue order: severity × summed reporter weight × recency (the SQL read model computes the same). */
export function priorityOf(item: { severity: number; reporterWeight: number; lastActivityAt: Date }, asOf: Date) {
  return item.severity * Math.max(item.reporterWeight, 0.5) * recencyFactor(item.lastActivityAt, asOf);
}
