import { Injectable, Logger } from '@nestjs/common';
import { RedisConnections } from '@lib/platform';
import { LiveCounters, type StoredEvent } from '../../application/event-store.js';

export const LIVE_WINDOW_MS = 60_000;
/** Events per minute are kept in 10-second slots (the last six make a minute). */
export const SLOT_MS = 10_000;

export type LiveScope = `video:${string}` | `channel:${string}` | 'platform:*';

/**
 * Viewers now (a sorted set of viewer → last heartbeat per video and channel) and event counts per
 * 10 s slot, in Redis. Called after the PostgreSQL commit, without awaiting: when Redis is down the
 * counters lag, the acknowledged events are safe.
 */
@Injectable()
export class RedisLiveCounters extends LiveCounters {
  private readonly logger = new Logger(RedisLiveCounters.name);

  constructor(private readonly redis: RedisConnections) {
    super();
  }

  record(events: StoredEvent[]): void {
    if (!events.length) return;
    const client = this.redis.commands();
    if (client.status !== 'ready') return; // never queue commands behind an outage
    const now = Date.now();
    const slot = Math.floor(now / SLOT_MS);
    const pipeline = client.pipeline();
    const counts = new Map<LiveScope, number>();
    const bump = (scope: LiveScope) => counts.set(scope, (counts.get(scope) ?? 0) + 1);
    // A batch is mostly one viewer's heartbeats: one ZADD per (scope, viewer), not per event.
    const watching = new Set<string>();
    for (const event of events) {
      bump('platform:*');
      if (event.source !== 'client' || !event.videoId) continue;
      bump(`video:${event.videoId}`);
      if (event.channelId) bump(`channel:${event.channelId}`);
      if (!['video_start', 'video_progress'].includes(event.name) || !event.viewerKey) continue;
      // A heartbeat stamped in the past does not make someone a viewer now.
      if (now - event.occurredAt.getTime() > LIVE_WINDOW_MS) continue;
      watching.add(`video\u0000${event.videoId}\u0000${event.viewerKey}`);
      if (event.channelId) watching.add(`channel\u0000${event.channelId}\u0000${event.viewerKey}`);
      watching.add(`platform\u0000*\u0000${event.viewerKey}`);
    }
    for (const entry of watching) {
      const [kind, id, viewer] = entry.split('\u0000') as [string, string, string];
      pipeline.zadd(this.redis.key('insights', 'live', kind, id), now, viewer);
    }
    for (const [scope, count] of counts) {
      const key = this.redis.key('insights', 'epm', scope, String(slot));
      pipeline.incrby(key, count).pexpire(key, 2 * LIVE_WINDOW_MS);
      pipeline.zadd(this.redis.key('insights', 'live-scopes'), now, scope);
    }
    pipeline.exec().catch((error: unknown) => this.logger.warn({ err: error }, 'live counters not updated'));
  }
}
