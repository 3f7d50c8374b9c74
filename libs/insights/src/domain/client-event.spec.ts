import { validateClientEvent, type IngestionPolicy } from './client-event.js';
import { acquisition, clientContext, isBot } from './request-context.js';
import { change, reportRange, retentionCurve } from './report-range.js';

const policy: IngestionPolicy = { maxBatch: 500, maxFutureSkewMs: 300_000, maxAgeMs: 7 * 86_400_000 };
const now = new Date('2026-11-22T12:00:00Z');
const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: '0190f5c4-5b1e-7c3a-9d2e-1f2a3b4c5d6e',
  name: 'video_start',
  timestamp: '2026-11-22T11:59:00Z',
  sessionId: 's-1',
  ...overrides,
});

describe('client event validation', () => {
  it('accepts a well-formed event and normalises ids', () => {
    expect(
      validateClientEvent(event({ videoId: 'A0000000-0000-4000-8000-000000000000' }), 3, now, policy),
    ).toMatchObject({
      index: 3,
      videoId: 'a0000000-0000-4000-8000-000000000000',
      properties: {},
    });
  });

  it('accepts up to the future skew and down to the maximum age, not beyond', () => {
    expect(validateClientEvent(event({ timestamp: '2026-11-22T12:05:00Z' }), 0, now, policy)).not.toHaveProperty(
      'code',
    );
    expect(validateClientEvent(event({ timestamp: '2026-11-22T12:05:01Z' }), 0, now, policy)).toMatchObject({
      code: 'insights.event.too-far-in-future',
    });
    expect(validateClientEvent(event({ timestamp: '2026-11-15T12:00:00Z' }), 0, now, policy)).not.toHaveProperty(
      'code',
    );
    expect(validateClientEvent(event({ timestamp: '2026-11-15T11:59:59Z' }), 0, now, policy)).toMatchObject({
      code: 'insights.event.too-old',
    });
  });

  it('wants a time zone in the timestamp', () => {
    expect(validateClientEvent(event({ timestamp: '2026-11-22T11:59:00' }), 0, now, policy)).toMatchObject({
      code: 'insights.event.invalid-timestamp',
    });
  });
});

describe('request context', () => {
  it('recognises bots, devices and operating systems', () => {
    expect(isBot(undefined)).toBe(true);
    expect(isBot('Mozilla/5.0 (compatible; bingbot/2.0)')).toBe(true);
    expect(isBot('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Safari/605.1.15')).toBe(false);
    expect(
      clientContext({
        userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari',
        country: 'de',
        referer: undefined,
      }),
    ).toEqual({
      device: 'mobile',
      os: 'Android',
      country: 'DE',
    });
    expect(
      clientContext({ userAgent: 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)', country: 'XYZ', referer: undefined }),
    ).toMatchObject({ device: 'tablet', os: 'iOS', country: null });
  });

  it('takes the traffic source from UTM, else the referring host, else direct', () => {
    expect(acquisition({ url: 'https://x.example/?utm_source=Mail' }, 'https://www.google.com/').trafficSource).toBe(
      'mail',
    );
    expect(acquisition({}, 'https://www.google.com/search').trafficSource).toBe('google.com');
    expect(acquisition({}, undefined).trafficSource).toBe('direct');
  });
});

describe('report ranges and curves', () => {
  it('refuses unknown zones and reversed ranges', () => {
    expect(() => reportRange(now, new Date(now.getTime() + 1), 'Nowhere/Land')).toThrow(
      expect.objectContaining({ code: 'insights.time-zone.invalid' }),
    );
    expect(() => reportRange(now, now)).toThrow(expect.objectContaining({ code: 'insights.range.invalid' }));
  });

  it('turns how far viewers got into the share still watching', () => {
    const histogram = new Array(21).fill(0);
    histogram[5] = 1; // stopped at 25%
    histogram[20] = 1; // watched to the end
    const curve = retentionCurve(histogram);
    expect(curve[0]).toEqual({ at: 0, share: 1 });
    expect(curve[5]).toEqual({ at: 25, share: 1 });
    expect(curve[6]).toEqual({ at: 30, share: 0.5 });
    expect(curve[20]).toEqual({ at: 100, share: 0.5 });
    expect(change(4, 1)).toBe(3);
    expect(change(1, 0)).toBeNull();
  });
});
