import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from '@lib/platform';
import { parseCapState, type CapState, type Placement } from '../../domain/index.js';
import { DeliveryState, type ViewerState } from '../../application/ads-ports.js';

/** Adds one impression to a creative's window (a lapsed window restarts at now); the hash lives one window. */
const COUNT_IMPRESSION = `
local value = redis.call('HGET', KEYS[1], ARGV[1])
local now = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local count, start = 0, now
if value then
  local c, s = string.match(value, '^(%d+):(%d+)$')
  if c and now - tonumber(s) < window then count = tonumber(c); start = tonumber(s) end
end
count = count + 1
redis.call('HSET', KEYS[1], ARGV[1], count .. ':' .. start)
redis.call('PEXPIRE', KEYS[1], window)
return count
`;

const COUNTER_TTL_SECONDS = 100 * 86_400;

/**
 * Per viewer, one hash of `creativeId → count:windowStart`: a decision reads it with the catalogue
 * version in one pipelined round trip. Decision counters are a hash per UTC day.
 */
@Injectable()
export class RedisDeliveryState extends DeliveryState {
  private readonly logger = new Logger(RedisDeliveryState.name);

  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async viewer(viewerKey: string): Promise<ViewerState> {
    const results = await this.redis
      .commands()
      .pipeline()
      .get(this.redis.key('ads', 'catalog-version'))
      .hgetall(this.redis.key('ads', 'fc', viewerKey))
      .exec();
    const [versionResult, capsResult] = results ?? [];
    if (versionResult?.[0]) throw versionResult[0];
    if (capsResult?.[0]) throw capsResult[0];
    const caps = new Map<string, CapState>();
    for (const [creativeId, value] of Object.entries((capsResult?.[1] ?? {}) as Record<string, string>)) {
      const state = parseCapState(value);
      if (state) caps.set(creativeId, state);
    }
    return { catalogVersion: (versionResult?.[1] as string | null) ?? null, caps };
  }

  async countImpression(viewerKey: string, creativeId: string, nowMs: number, windowMs: number): Promise<void> {
    await this.redis
      .commands()
      .eval(COUNT_IMPRESSION, 1, this.redis.key('ads', 'fc', viewerKey), creativeId, String(nowMs), String(windowMs));
  }

  async bumpCatalogVersion(): Promise<void> {
    await this.redis.commands().incr(this.redis.key('ads', 'catalog-version'));
  }

  countDecision(day: string, placement: Placement, filled: { campaignId: string; creativeId: string } | null): void {
    const client = this.redis.commands();
    if (client.status !== 'ready') return; // counters lag during an outage; decisions go on
    const key = this.redis.key('ads', 'decisions', day);
    const pipeline = client.pipeline().hincrby(key, `req:${placement}`, 1);
    if (filled) pipeline.hincrby(key, `fill:${placement}`, 1).hincrby(key, `fill:cr:${filled.creativeId}`, 1);
    pipeline
      .expire(key, COUNTER_TTL_SECONDS)
      .exec()
      .catch((error: unknown) => this.logger.warn(`decision counters not updated: ${String(error)}`));
  }

  async decisionCounts(days: string[]): Promise<Map<string, number>> {
    const pipeline = this.redis.commands().pipeline();
    for (const day of days) pipeline.hgetall(this.redis.key('ads', 'decisions', day));
    const results = (await pipeline.exec()) ?? [];
    const counts = new Map<string, number>();
    results.forEach(([error, value], index) => {
      if (error) throw error;
      for (const [field, count] of Object.entries((value ?? {}) as Record<string, string>))
        counts.set(`${days[index]}|${field}`, Number(count));
    });
    return counts;
  }
}
