/** Moderation at a glance, over a window of days (open items and breaches are as of now). */
export interface ModerationStatsView {
  windowDays: number;
  from: string;
  to: string;
  openItems: { total: number; byKind: Record<string, number> };
  /** Median seconds from an item's creation to its first claim or decision (items created in the window). */
  medianSecondsToFirstAction: number | null;
  slaBreaches: { open: number; resolvedLate: number };
  actionsByType: Record<string, number>;
  appeals: { decided: number; upheld: number; denied: number; open: number; overturnRate: number | null };
  reportsByCategory: Record<string, number>;
  spamModel: {
    /** Moderator decisions on items the spam rule raised, in the window. */
    labelled: number;
    confirmedSpam: number;
    notSpam: number;
    /** confirmed spam / labelled; null with no labels yet. */
    livePrecision: number | null;
  };
}

/** Reads the figures from the context's tables. */
export abstract class ModerationStatistics {
  abstract compute(from: Date, to: Date): Promise<Omit<ModerationStatsView, 'windowDays' | 'from' | 'to'>>;
}
