/** The period a per-period quota counts in: the paid billing period, or the calendar month (UTC) on Free. */
export function usagePeriod(
  now: Date,
  grant: { periodStart: Date | null; periodEnd: Date | null } | null,
): { start: Date; end: Date } {
  if (grant?.periodStart && grant.periodEnd && grant.periodStart <= now && now < grant.periodEnd) {
    return { start: grant.periodStart, end: grant.periodEnd };
  }
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

/** Quotas that never reset count in one period from the epoch. */
export const LIFETIME_PERIOD = { start: new Date(0), end: new Date(Date.UTC(9999, 0, 1)) };
