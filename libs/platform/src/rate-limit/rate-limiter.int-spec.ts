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
