import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { RedisConnections } from '../queues/redis-connections.js';
import { SearchIndex } from '../search/search-index.js';
import { ShutdownState } from '../http/http-drain.js';

export type CheckResult = { status: 'up' | 'down'; latencyMs: number; error?: string };

export interface Readiness {
  status: 'ok' | 'unavailable';
  /** Shutting down: red whatever the dependencies say, so the balancer stops sending. */
  draining?: true;
  checks: { postgres: CheckResult; redis: CheckResult; search: CheckResult & { adapter: string } };
}

async function timed(check: () => Promise<unknown>, timeoutMs = 2_000): Promise<CheckResult> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** The dependency checks behind every process's `/health/ready` (the API's controller and the worker's probe server). */
@Injectable()
export class HealthChecks {
  constructor(
    private readonly orm: MikroORM,
    private readonly redis: RedisConnections,
    private readonly search: SearchIndex,
    private readonly shutdown: ShutdownState,
  ) {}

  async readiness(): Promise<Readiness> {
    const [postgres, redis, search] = await Promise.all([
      timed(() => this.orm.em.fork().execute('select 1')),
      timed(() => this.redis.commands().ping()),
      timed(() => this.search.ping()),
    ]);
    const draining = this.shutdown.draining;
    const ok = !draining && [postgres, redis, search].every((check) => check.status === 'up');
    return {
      status: ok ? 'ok' : 'unavailable',
      ...(draining ? { draining: true as const } : {}),
      checks: { postgres, redis, search: { ...search, adapter: this.search.kind } },
    };
  }
}
