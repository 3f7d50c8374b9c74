/**
 * `days` business days (Monday to Friday, in UTC) after `from`, at the same time of day. Public
 * holidays are not counted out: the law's window is 10 to 14 business days, and 10 leaves the margin.
 */
export function addBusinessDays(from: Date, days: number): Date {
  const at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}
