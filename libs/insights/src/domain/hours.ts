export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Every hour start in [from, to). */
export function hoursIn(from: Date, to: Date): Date[] {
  const hours: Date[] = [];
  for (let t = startOfHour(from).getTime(); t < to.getTime(); t += HOUR_MS) hours.push(new Date(t));
  return hours;
}

/** Every UTC day start in [from, to). */
export function daysIn(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  for (let t = startOfUtcDay(from).getTime(); t < to.getTime(); t += DAY_MS) days.push(new Date(t));
  return days;
}
