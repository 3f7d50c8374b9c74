import federalHolidays from '@18f/us-federal-holidays';

/**
 * The days that are not business days for DMCA deadlines between two dates: the configured ones, plus
 * the US federal holidays as observed (a Saturday holiday on the Friday before, a Sunday one on the
 * Monday after), computed for every year in the span rather than listed by hand.
 */
export function dmcaHolidays(
  from: Date,
  until: Date,
  configured: ReadonlySet<string>,
  usFederal: boolean,
): ReadonlySet<string> {
  if (!usFederal) return configured;
  const days = new Set(configured);
  for (let year = from.getUTCFullYear() - 1; year <= until.getUTCFullYear() + 1; year++)
    for (const holiday of federalHolidays.allForYear(year, { shiftSaturdayHolidays: true, shiftSundayHolidays: true }))
      days.add(holiday.dateString);
  return days;
}
