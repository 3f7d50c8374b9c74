import { InvalidScheduleTimeError, InvalidTimeZoneError, ScheduleInPastError } from './video.errors.js';

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
}

/** The zone's UTC offset (ms) at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1_000) * 1_000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant a creator means: `at` with an offset (or Z) is exact; a local `at` ("2026-12-01T18:00")
 * is wall-clock time in `timeZone` (default UTC), DST included.
 */
export function resolvePublishTime(at: string, timeZone: string | undefined, now: Date): Date {
  if (timeZone !== undefined) assertTimeZone(timeZone);
  let instant: number;
  if (WITH_OFFSET.test(at)) {
    instant = Date.parse(at);
  } else {
    const local = LOCAL.exec(at);
    if (!local) throw new InvalidScheduleTimeError(at);
    const [, y, mo, d, h, mi, s] = local.map(Number);
    const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
    const zone = timeZone ?? 'UTC';
    // Two passes settle the offset across a DST change.
    const first = wall - offsetAt(wall, zone);
    instant = wall - offsetAt(first, zone);
  }
  if (Number.isNaN(instant)) throw new InvalidScheduleTimeError(at);
  const date = new Date(instant);
  if (date.getTime() <= now.getTime()) throw new ScheduleInPastError(date);
  return date;
}

/** The next instant at `HH:mm` wall-clock time in `timeZone` after `now` (content templates' publish time). */
export function nextTimeOfDay(timeOfDay: string, timeZone: string, now: Date): Date {
  assertTimeZone(timeZone);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  for (let days = 0; days < 3; days += 1) {
    const day = new Date(`${parts}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + days);
    const candidate = `${day.toISOString().slice(0, 10)}T${timeOfDay}`;
    try {
      return resolvePublishTime(candidate, timeZone, now);
    } catch (error) {
      if (!(error instanceof ScheduleInPastError)) throw error;
    }
  }
  throw new InvalidScheduleTimeError(timeOfDay);
}
