import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@config';
import { ProcessRole, RealtimeEmitter, RedisConnections } from '@lib/platform';
import { dashboardRoom } from '../../application/realtime/dashboard-rooms.js';
import { LIVE_WINDOW_MS, SLOT_MS } from './redis-live-counters.js';
import { LIVE_COUNTERS } from '../../application/realtime-events.js';

export interface LiveSnapshot {
  scope: 'video' | 'channel' | 'platform';
  id: string;
  viewersNow: number;
  eventsPerMinute: number;
  at: string;
}

/**
 * In the worker: every INSIGHTS_LIVE_PUSH_INTERVAL_MS, pushes the counters of every scope active in
 * the last minute to its dashboard room. A Redis lock makes one worker push per tick however many run.
 */
@Injectable()
export class LivePublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LivePublisher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<LiveSnapshot[]>;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly emitter: RealtimeEmitter,
    private readonly role: ProcessRole,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.role.worker) return;
    const every = this.config.insights.livePushIntervalMs;
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
  }

  /**
   * Nest runs every module's destroy hook before any shutdown hook, so this ends before RedisConnections
   * quits (whatever the modules' order): a tick in flight would otherwise write commands after the QUIT.
   */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(now = Date.now()): Promise<LiveSnapshot[]> {
    if (this.running || this.redis.commands().status !== 'ready') return Promise.resolve([]);
    this.running = this.push(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async push(now: number): Promise<LiveSnapshot[]> {
    const client = this.redis.commands();
    try {
      const lock = await client.set(
        this.redis.key('insights', 'live-lock'),
        '1',
        'PX',
        Math.max(250, this.config.insights.livePushIntervalMs - 100),
        'NX',
      );
      if (lock !== 'OK') return [];
      const scopesKey = this.redis.key('insights', 'live-scopes');
      await client.zremrangebyscore(scopesKey, '-inf', now - LIVE_WINDOW_MS - SLOT_MS);
      const scopes = await client.zrange(scopesKey, 0, -1);
      const snapshots: LiveSnapshot[] = [];
      const slot = Math.floor(now / SLOT_MS);
      for (const scope of scopes) {
        const [kind, id] = scope.split(':') as ['video' | 'channel' | 'platform', string];
        const viewersKey = this.redis.key('insights', 'live', kind, id);
        await client.zremrangebyscore(viewersKey, '-inf', now - LIVE_WINDOW_MS);
        const viewersNow = await client.zcard(viewersKey);
        const slots = await client.mget(
          ...Array.from({ length: LIVE_WINDOW_MS / SLOT_MS }, (_, i) =>
            this.redis.key('insights', 'epm', scope, String(slot - i)),
          ),
        );
        const eventsPerMinute = slots.reduce((sum, value) => sum + Number(value ?? 0), 0);
        const snapshot: LiveSnapshot = {
          scope: kind,
          id,
          viewersNow,
          eventsPerMinute,
          at: new Date(now).toISOString(),
        };
        snapshots.push(snapshot);
        this.emitter.toRoom(dashboardRoom(kind, id), LIVE_COUNTERS, snapshot);
      }
      return snapshots;
    } catch (error) {
      this.logger.warn({ err: error }, 'live counters not pushed');
      return [];
    }
  }
}
