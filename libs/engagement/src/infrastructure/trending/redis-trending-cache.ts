import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { RedisConnections } from '@lib/platform';
import { TrendingCache } from '../../application/trending/trending-ports.js';

/**
 * Trending pages in Redis under a generation number that each recompute bumps, so every node stops
 * serving the old lists at once; pages also expire after the TTL. Redis down: no cache, same answers.
 */
@Injectable()
export class RedisTrendingCache extends TrendingCache {
  private readonly logger = new Logger(RedisTrendingCache.name);

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async get<T>(key: string): Promise<T | undefined> {
    if (!this.enabled()) return undefined;
    try {
      const client = this.redis.commands();
      const generation = (await client.get(this.redis.key('trending', 'generation'))) ?? '0';
      const cached = await client.get(this.redis.key('trending', 'page', generation, key));
      return cached ? (JSON.parse(cached) as T) : undefined;
    } catch (error) {
      this.logger.warn(`trending cache read failed: ${String(error)}`);
      return undefined;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    if (!this.enabled()) return;
    try {
      const client = this.redis.commands();
      const generation = (await client.get(this.redis.key('trending', 'generation'))) ?? '0';
      await client.set(
        this.redis.key('trending', 'page', generation, key),
        JSON.stringify(value),
        'EX',
        this.config.trending.cacheTtlSeconds,
      );
    } catch (error) {
      this.logger.warn(`trending cache write failed: ${String(error)}`);
    }
  }

  async invalidate(): Promise<void> {
    try {
      await this.redis.commands().incr(this.redis.key('trending', 'generation'));
    } catch (error) {
      this.logger.warn(`trending cache invalidation failed: ${String(error)}`);
    }
  }

  private enabled(): boolean {
    return this.config.trending.cacheTtlSeconds > 0 && this.redis.commands().status === 'ready';
  }
}
