import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { RedisConnections } from '@lib/platform';
import { RecommendationCache } from '../../application/recommendations/recommendation-ports.js';

/**
 * One Redis hash per owner (a person, or `anonymous`), one field per list asked for: forgetting a
 * person is one DEL, and the hash expires after the TTL. Redis down: no cache, same answers.
 */
@Injectable()
export class RedisRecommendationCache extends RecommendationCache {
  private readonly logger = new Logger(RedisRecommendationCache.name);

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async get<T>(owner: string, key: string): Promise<T | undefined> {
    if (!this.enabled()) return undefined;
    try {
      const cached = await this.redis.commands().hget(this.keyOf(owner), key);
      return cached ? (JSON.parse(cached) as T) : undefined;
    } catch (error) {
      this.logger.warn(`recommendations cache read failed: ${String(error)}`);
      return undefined;
    }
  }

  async set(owner: string, key: string, value: unknown): Promise<void> {
    if (!this.enabled()) return;
    try {
      const hash = this.keyOf(owner);
      const client = this.redis.commands();
      // The TTL starts with the hash's first list: later lists never keep a person's cache alive.
      await client.multi().hset(hash, key, JSON.stringify(value)).expire(hash, this.ttl(), 'NX').exec();
    } catch (error) {
      this.logger.warn(`recommendations cache write failed: ${String(error)}`);
    }
  }

  async forget(owner: string): Promise<void> {
    try {
      await this.redis.commands().del(this.keyOf(owner));
    } catch (error) {
      this.logger.warn(`recommendations cache invalidation failed: ${String(error)}`);
    }
  }

  private keyOf(owner: string): string {
    return this.redis.key('recs', owner);
  }

  private ttl(): number {
    return this.config.recommendations.cacheTtlSeconds;
  }

  private enabled(): boolean {
    return this.ttl() > 0 && this.redis.commands().status === 'ready';
  }
}
