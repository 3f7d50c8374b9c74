import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../auth/auth.errors.js';
import { RedisConnections } from '../queues/redis-connections.js';

export interface RatePolicy {
  /** Names the counter family in Redis, e.g. `login-ip`. */
  name: string;
  points: number;
  windowSeconds: number;
  /** The problem code returned when exceeded, e.g. `identity.login.rate-limited`. */
  code: string;
  message: string;
}

/** Where a counter stands after a hit: what `RateLimit-*` headers report. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every node (rate-limiter-flexible). While Redis is not
 * ready each node counts in memory instead (the library's insurance limiter): a Redis restart
 * loosens limits to per-node for a moment rather than stalling or refusing every write.
 */
@Injectable()
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly redis: RedisConnections) {}

  /** Counts a hit; throws RateLimitedError (429 with Retry-After) once the window's points are spent. */
  async consume(policy: RatePolicy, key: string, points = 1): Promise<RateLimitState> {
    try {
      const state = await this.limiter(policy).consume(key, points);
      return {
        limit: policy.points,
        remaining: state.remainingPoints,
        resetSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1_000)),
      };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw this.exceeded(policy, rejection);
    }
  }

  /** Throws if the window's points are already spent, without counting a hit. */
  async ensureAvailable(policy: RatePolicy, key: string): Promise<void> {
    const state = await this.limiter(policy).get(key);
    if (state && state.consumedPoints >= policy.points) throw this.exceeded(policy, state);
  }

  async reset(policy: RatePolicy, key: string): Promise<void> {
    await this.limiter(policy).delete(key);
  }

  private exceeded(policy: RatePolicy, state: RateLimiterRes): RateLimitedError {
    return new RateLimitedError(policy.code, policy.message, {
      limit: policy.points,
      windowSeconds: policy.windowSeconds,
      retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1_000)),
    });
  }

  private limiter(policy: RatePolicy): RateLimiterRedis {
    const id = `${policy.name}:${policy.points}:${policy.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis.commands(),
        keyPrefix: this.redis.key('rate', policy.name),
        points: policy.points,
        duration: policy.windowSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: policy.points, duration: policy.windowSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
