/**
 * `days` business days (Monday to Friday, in UTC) after `from`, at the same time of day, skipping the
 * given holidays (ISO dates, `YYYY-MM-DD`, in UTC) like weekends.
 */
export function addBusinessDays(from: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  const at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(at.toISOString().slice(0, 10))) left--;
  }
  return at;
}
