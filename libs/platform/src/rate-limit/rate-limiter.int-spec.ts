import type { AppConfig } from '@config';
import { RateLimitedError } from '../auth/auth.errors.js';
import { RedisConnections } from '../queues/redis-connections.js';
import type { RunningService } from '../runtime/embedded-postgres.js';
import { startRedisServer } from '../runtime/redis-server.js';
import { RateLimiter, type RatePolicy } from './rate-limiter.js';

const policy: RatePolicy = {
  name: 'outage-test',
  points: 3,
  windowSeconds: 60,
  code: 'test.rate-limited',
  message: 'too many',
};

describe('RateLimiter while Redis is away', () => {
  let redis: RunningService;
  let connections: RedisConnections;
  let limiter: RateLimiter;

  beforeAll(async () => {
    redis = await startRedisServer();
    connections = new RedisConnections({ redis: { url: redis.url, prefix: 'rate-limiter-int' } } as AppConfig);
    limiter = new RateLimiter(connections);
  });
  afterAll(async () => {
    connections.commands().disconnect(); // stop reconnecting to the server the test stopped
    await redis.stop();
  });

  it('counts in Redis while it is up, then in memory: still answering, still refusing past the budget', async () => {
    await connections.commands().ping(); // connected: counters go to Redis
    await expect(limiter.consume(policy, 'shared')).resolves.toMatchObject({ limit: 3, remaining: 2 });
    const stored = await connections.commands().keys('rate-limiter-int:rate:*');
    expect(stored).toHaveLength(1);

    await redis.stop();
    // Without the in-memory fallback these would wait for ioredis to give up, then throw its error.
    for (const remaining of [2, 1, 0])
      await expect(limiter.consume(policy, 'outage')).resolves.toMatchObject({ remaining });
    await expect(limiter.consume(policy, 'outage')).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe('RateLimiter.consumeAll', () => {
  let redis: RunningService;
  let connections: RedisConnections;
  let limiter: RateLimiter;
  const perIp: RatePolicy = { ...policy, name: 'all-ip', points: 5 };
  const perUser: RatePolicy = { ...policy, name: 'all-user', points: 2 };

  beforeAll(async () => {
    redis = await startRedisServer();
    connections = new RedisConnections({ redis: { url: redis.url, prefix: 'consume-all' } } as AppConfig);
    limiter = new RateLimiter(connections);
    await connections.commands().ping();
  });
  afterAll(async () => {
    connections.commands().disconnect();
    await redis.stop();
  });

  /** Scripts Redis has run so far (EVAL and EVALSHA): each is one round trip of the limiter. */
  async function scriptCalls(): Promise<number> {
    const stats = await connections.commands().info('commandstats');
    return [...stats.matchAll(/^cmdstat_eval(?:sha)?:calls=(\d+)/gm)].reduce(
      (sum, [, calls]) => sum + Number(calls),
      0,
    );
  }

  it('counts several counters in one round trip, on the same counters `consume` uses', async () => {
    await limiter.consumeAll([{ policy: perIp, key: 'warm-up' }]); // loads the script (NOSCRIPT, then EVAL)
    const before = await scriptCalls();
    const states = await limiter.consumeAll([
      { policy: perIp, key: '10.0.0.1' },
      { policy: perUser, key: 'user-a' },
    ]);
    expect((await scriptCalls()) - before).toBe(1);
    expect(states).toEqual([
      { limit: 5, remaining: 4, resetSeconds: 60 },
      { limit: 2, remaining: 1, resetSeconds: 60 },
    ]);
    await expect(limiter.consume(perUser, 'user-a')).resolves.toMatchObject({ remaining: 0 });
  });

  it('refuses with the first counter over its points and spends none after it', async () => {
    const hits = [
      { policy: perUser, key: 'user-b' },
      { policy: perIp, key: '10.0.0.2' },
    ];
    await limiter.consumeAll(hits);
    await limiter.consumeAll(hits);
    const refusal = await limiter.consumeAll(hits).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({ code: policy.code, details: { limit: 2, retryAfterSeconds: 60 } });
    // The address's counter stopped at 2 of 5: the refused call did not reach it.
    await expect(limiter.consume(perIp, '10.0.0.2')).resolves.toMatchObject({ remaining: 2 });
  });

  it('counts in memory while Redis is away, still refusing past the budget', async () => {
    await redis.stop();
    const hits = [{ policy: perUser, key: 'user-c' }];
    for (const remaining of [1, 0]) await expect(limiter.consumeAll(hits)).resolves.toMatchObject([{ remaining }]);
    await expect(limiter.consumeAll(hits)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
