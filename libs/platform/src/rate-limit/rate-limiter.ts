import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
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

/** One counter a call spends: `consumeAll` takes several. */
export interface RateHit {
  policy: RatePolicy;
  key: string;
  points?: number;
}

/** Where a counter stands after a hit: what `RateLimit-*` headers report. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/** For each key: the library's fixed-window hit (ARGV: points, window seconds, limit per key); stops past a limit. */
const CONSUME_ALL_SCRIPT = `
local replies = {}
for index, key in ipairs(KEYS) do
  local points, window, limit = tonumber(ARGV[index * 3 - 2]), tonumber(ARGV[index * 3 - 1]), tonumber(ARGV[index * 3])
  redis.call('set', key, 0, 'EX', window, 'NX')
  local consumed = redis.call('incrby', key, points)
  local ttl = redis.call('pttl', key)
  if ttl == -1 then
    redis.call('expire', key, window)
    ttl = 1000 * window
  end
  replies[#replies + 1] = consumed
  replies[#replies + 1] = ttl
  if consumed > limit then break end
end
return replies`;

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

  /**
   * Counts a hit on each counter in one Redis round trip (a call's IP and user budgets), in order, stopping at the
   * first one over its points, which throws: a counter after it is not spent, as with one `consume` after another.
   * The script does what rate-limiter-flexible's own does per key, on the same keys, so both paths share counters.
   * While Redis is not ready (or the script fails) each counter goes through `consume`, and so to its in-memory
   * insurance; a reply lost with its connection after the script ran counts the call twice, which an outage's
   * looser-or-tighter limits allow. All keys are on one Redis: a cluster would need them in one hash slot.
   */
  async consumeAll(hits: readonly RateHit[]): Promise<RateLimitState[]> {
    const client = this.redis.commands();
    if (client.status !== 'ready') return this.consumeEach(hits);
    let replies: number[];
    try {
      replies = await this.hitsScript()(
        hits.length,
        ...hits.map(({ policy, key }) => this.limiter(policy).getKey(key)),
        ...hits.flatMap(({ policy, points = 1 }) => [points, policy.windowSeconds, policy.points]),
      );
    } catch {
      return this.consumeEach(hits);
    }
    return hits.slice(0, replies.length / 2).map(({ policy }, index) => {
      const [consumed, ttlMs] = [replies[2 * index], replies[2 * index + 1]];
      if (consumed > policy.points) throw this.exceeded(policy, new RateLimiterRes(0, ttlMs, consumed));
      return {
        limit: policy.points,
        remaining: policy.points - consumed,
        resetSeconds: Math.max(1, Math.ceil(ttlMs / 1_000)),
      };
    });
  }

  /** Throws if the window's points are already spent, without counting a hit. */
  async ensureAvailable(policy: RatePolicy, key: string): Promise<void> {
    const state = await this.limiter(policy).get(key);
    if (state && state.consumedPoints >= policy.points) throw this.exceeded(policy, state);
  }

  async reset(policy: RatePolicy, key: string): Promise<void> {
    await this.limiter(policy).delete(key);
  }

  private async consumeEach(hits: readonly RateHit[]): Promise<RateLimitState[]> {
    const states: RateLimitState[] = [];
    for (const { policy, key, points } of hits) states.push(await this.consume(policy, key, points));
    return states;
  }

  private hitsScript(): (...args: (string | number)[]) => Promise<number[]> {
    const client = this.redis.commands() as Redis & { rateHits?: (...args: (string | number)[]) => Promise<number[]> };
    // No numberOfKeys: the caller passes it first, as EVALSHA takes it.
    if (!client.rateHits) client.defineCommand('rateHits', { lua: CONSUME_ALL_SCRIPT });
    return client.rateHits!.bind(client);
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
