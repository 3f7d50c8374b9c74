import { nextTimeOfDay, resolvePublishTime } from './schedule.js';
import { InvalidScheduleTimeError, InvalidTimeZoneError, ScheduleInPastError } from './video.errors.js';

const now = new Date('2026-11-22T12:00:00Z');

describe('publish times', () => {
  it('takes an instant with an offset as it is', () => {
    expect(resolvePublishTime('2026-12-01T18:00:00+01:00', 'Asia/Tokyo', now).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
  });

  it('reads local wall-clock time in the time zone, daylight saving included', () => {
    expect(resolvePublishTime('2026-12-01T18:00', 'Europe/Paris', now).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(resolvePublishTime('2027-07-01T18:00', 'Europe/Paris', now).toISOString()).toBe('2027-07-01T16:00:00.000Z');
    expect(resolvePublishTime('2026-12-01T18:00', 'America/New_York', now).toISOString()).toBe(
      '2026-12-01T23:00:00.000Z',
    );
    expect(resolvePublishTime('2026-12-01T18:00', undefined, now).toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => resolvePublishTime('2026-12-01T18:00', 'Mars/Olympus_Mons', now)).toThrow(InvalidTimeZoneError);
  });

  it('refuses the past and malformed times', () => {
    expect(() => resolvePublishTime('2026-11-22T11:59:00Z', undefined, now)).toThrow(ScheduleInPastError);
    expect(() => resolvePublishTime('tomorrow at six', undefined, now)).toThrow(InvalidScheduleTimeError);
    expect(() => resolvePublishTime('2026-13-45T18:00Z', undefined, now)).toThrow(InvalidScheduleTimeError);
  });

  it('finds the next time of day in a zone', () => {
    expect(nextTimeOfDay('18:00', 'Europe/Paris', now).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(nextTimeOfDay('09:00', 'Europe/Paris', now).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});
