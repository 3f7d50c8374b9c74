import { readEnvironment } from '@config';
import { armedFaultPoints, faultArmed, faultPoint } from './fault-points.js';

describe('fault points', () => {
  it('arms the named points, bare or with a detail, and nothing else', () => {
    const armed = armedFaultPoints({
      FAULT_INJECT: 'webhook.after-store, consumer.after-commit:engagement.welcome',
    });
    expect(faultArmed(armed, 'webhook.after-store')).toBe(true);
    expect(faultArmed(armed, 'webhook.after-store', 'evt_1')).toBe(true);
    expect(faultArmed(armed, 'consumer.after-commit', 'engagement.welcome')).toBe(true);
    expect(faultArmed(armed, 'consumer.after-commit', 'insights.record-identity')).toBe(false);
    expect(faultArmed(armed, 'consumer.after-commit')).toBe(false);
    expect(faultArmed(armed, 'webhook.after-enqueue')).toBe(false);
  });

  it('is inert without FAULT_INJECT and in production whatever it says', () => {
    expect(armedFaultPoints({}).size).toBe(0);
    expect(armedFaultPoints({ FAULT_INJECT: '' }).size).toBe(0);
    expect(armedFaultPoints({ NODE_ENV: 'production', FAULT_INJECT: 'webhook.after-store' }).size).toBe(0);
    // This test process has no FAULT_INJECT: reaching a point does nothing.
    expect(() => faultPoint('webhook.after-store')).not.toThrow();
  });

  it('production configuration refuses FAULT_INJECT', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      DATABASE_URL: 'postgres://db/showrunner',
      REDIS_URL: 'redis://cache:6379',
    };
    expect(() => readEnvironment(production)).not.toThrow();
    expect(() => readEnvironment({ ...production, FAULT_INJECT: 'webhook.after-store' })).toThrow(
      /FAULT_INJECT: is for fault tests only and is refused in production/,
    );
    expect(readEnvironment({ FAULT_INJECT: 'webhook.after-store' }).FAULT_INJECT).toBe('webhook.after-store');
  });
});
