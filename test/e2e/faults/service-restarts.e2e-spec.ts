import { InjectQueue } from '@nestjs/bull';
import { Injectable, Module } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import type { AppConfig } from '@config';
import { migrations } from '@migrations';
import { migrateDatabase, OnJob, QueuesModule, RateLimiter, RateLimitedError } from '@lib/platform';
import { eventually, startTestApp, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import { startEmbeddedPostgres, type RunningService } from '../../../libs/platform/src/runtime/embedded-postgres.js';
import { startRedisServer } from '../../../libs/platform/src/runtime/redis-server.js';
import { connectSocket, nextEvent, registerUser } from '../../support/showrunner.js';
import { BROWSER_UA, clientEvent, pgArray } from '../../support/insights.js';

/** Writes events in a loop until stopped: which were acknowledged (2xx), and how the others failed. */
function writeLoop(app: TestApp, writers = 3) {
  const acknowledged: string[] = [];
  const failures: { status: number; contentType: string | null; code?: string }[] = [];
  let running = true;
  const loops = Array.from({ length: writers }, async (_, w) => {
    while (running) {
      const events = Array.from({ length: 5 }, () => clientEvent('video_progress', new Date(), { sessionId: `w${w}` }));
      const answer = await fetch(`${app.url}/v1/events`, {
        method: 'POST',
        body: JSON.stringify({ events }),
        headers: { 'user-agent': BROWSER_UA, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(10_000),
      })
        .then(async (response) => ({
          status: response.status,
          headers: response.headers,
          body: (await response.json()) as any,
        }))
        .catch((error: unknown) => ({ status: 0, headers: new Headers(), body: { code: String(error) } as any }));
      if (answer.status === 200 && answer.body.accepted === events.length)
        acknowledged.push(...events.map((e) => e.eventId));
      else
        failures.push({
          status: answer.status,
          contentType: answer.headers.get('content-type'),
          code: answer.body?.code,
        });
    }
  });
  return {
    acknowledged,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function readyStatus(app: TestApp): Promise<{ status: number; postgres?: string; redis?: string }> {
  const answer = await app.request('GET', '/health/ready');
  return {
    status: answer.status,
    postgres: answer.body.checks?.postgres?.status,
    redis: answer.body.checks?.redis?.status,
  };
}

describe('PostgreSQL restarted under load', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'showrunner-pg-restart-')), 'postgres');
  let postgres: RunningService;
  let app: TestApp;
  let load: ReturnType<typeof writeLoop> | undefined;

  beforeAll(async () => {
    // This file's own cluster: restarting the shared one would fail every other file.
    postgres = await startEmbeddedPostgres({ dataDir, database: 'showrunner' });
    await migrateDatabase(postgres.url, migrations, { silent: true });
    app = await startTestApp((config) => StandaloneModule.forRoot(config), {
      database: { url: postgres.url, drop: async () => undefined },
      // Refusals come back fast during the outage: the loop must not spend the write budget meanwhile.
      env: { WRITE_RATE_LIMIT_PER_IP: '1000000', WRITE_RATE_LIMIT_PER_USER: '1000000' },
    });
  }, 120_000);
  afterAll(async () => {
    try {
      await load?.stop();
      // A BEGIN or ROLLBACK that failed as PostgreSQL went down gave its connection back (ADR 0048), so closing
      // does not hang; bounded below the hook's timeout so a new leak fails here with a message.
      await Promise.race([
        app?.close(),
        delay(100_000, undefined, { ref: false }).then(() => {
          throw new Error('the app did not close within 100 s of the PostgreSQL restart');
        }),
      ]);
    } finally {
      // Always: a timed-out hook once left this file's cluster running after the run.
      await postgres?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('turns readiness red then green, recovers without a restart, and loses no acknowledged write', async () => {
    const writes = writeLoop(app);
    load = writes;
    await eventually(() => expect(writes.acknowledged.length).toBeGreaterThan(50));
    const port = Number(new URL(postgres.url).port);

    await postgres.stop();
    await eventually(async () => expect(await readyStatus(app)).toMatchObject({ status: 503, postgres: 'down' }));
    const failuresWhileDown = writes.failures.length;
    await eventually(() => expect(writes.failures.length).toBeGreaterThan(failuresWhileDown));

    postgres = await startEmbeddedPostgres({ dataDir, database: 'showrunner', preferredPort: port });
    expect(Number(new URL(postgres.url).port)).toBe(port);
    await eventually(async () => expect(await readyStatus(app)).toMatchObject({ status: 200, postgres: 'up' }), {
      timeoutMs: 20_000,
    });
    const afterRecovery = writes.acknowledged.length;
    await eventually(() => expect(writes.acknowledged.length).toBeGreaterThan(afterRecovery + 50), {
      timeoutMs: 20_000,
    });
    await writes.stop();

    // Every refusal was a clean, retryable problem; never a 500.
    expect(writes.failures.length).toBeGreaterThan(0);
    expect(new Set(writes.failures.map((f) => `${f.status} ${f.contentType} ${f.code}`))).toEqual(
      new Set(['503 application/problem+json; charset=utf-8 http.service-unavailable']),
    );
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'select count(distinct event_id)::int as stored from insights.events where event_id = any($1::uuid[])',
        [pgArray(writes.acknowledged)],
      );
      expect(rows[0].stored).toBe(writes.acknowledged.length);
    } finally {
      await client.end();
    }
  }, 120_000);
});

const OUTAGE_QUEUE = 'faults.redis-outage';
const processed: string[] = [];

@Injectable()
class OutageJobs {
  constructor(@InjectQueue(OUTAGE_QUEUE) readonly queue: Queue<{ id: string }>) {}

  @OnJob({ queue: OUTAGE_QUEUE, attempts: 5, backoff: { type: 'fixed', delay: 200 } })
  record(job: Job<{ id: string }>) {
    processed.push(job.data.id);
  }
}

@Module({ imports: [QueuesModule.register({ name: OUTAGE_QUEUE })], providers: [OutageJobs] })
class OutageJobsModule {}

describe('Redis restarted under load', () => {
  let redis: RunningService;
  let app: TestApp;
  const redisDir = mkdtempSync(join(tmpdir(), 'showrunner-redis-restart-'));

  beforeAll(async () => {
    // Its own redis-server, with the append-only file a deployment's Redis must keep for queued jobs.
    redis = await startRedisServer({ dataDir: redisDir });
    app = await startTestApp(
      (config: AppConfig) => {
        (config as { redis: AppConfig['redis'] }).redis = { ...config.redis, url: redis.url };
        return { ...StandaloneModule.forRoot(config, [{ module: OutageJobsModule }]) };
      },
      { env: { WRITE_RATE_LIMIT_PER_IP: '100000', WRITE_RATE_LIMIT_PER_USER: '100000' } },
    );
  });
  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('keeps queued and delayed jobs, socket rooms and rate limits across the restart', async () => {
    const person = await registerUser(app);
    const socket = await connectSocket(app, { token: person.tokens.accessToken });
    const queue = app.app.get(OutageJobs).queue;
    const port = Number(new URL(redis.url).port);

    // A delayed job due after the restart, and jobs queued while Redis is away (the API keeps them until it is back).
    await queue.add({ id: 'delayed' }, { delay: 4_000 });
    await redis.stop();
    await eventually(async () => expect(await readyStatus(app)).toMatchObject({ status: 503, redis: 'down' }));
    const queuedWhileDown = [queue.add({ id: 'queued-1' }), queue.add({ id: 'queued-2' })];

    // Rate limits while Redis is away: each node counts in memory (documented, ADR 0048): still enforced.
    const limiter = app.app.get(RateLimiter);
    const policy = {
      name: 'outage-probe',
      points: 2,
      windowSeconds: 60,
      code: 'http.rate-limit.exceeded',
      message: 'slow down',
    };
    await limiter.consume(policy, 'probe');
    await limiter.consume(policy, 'probe');
    await expect(limiter.consume(policy, 'probe')).rejects.toBeInstanceOf(RateLimitedError);

    redis = await startRedisServer({ dataDir: redisDir, port }); // exactly that port, or it fails
    await Promise.all(queuedWhileDown);
    await eventually(async () => expect(await readyStatus(app)).toMatchObject({ status: 200, redis: 'up' }), {
      timeoutMs: 20_000,
    });
    await eventually(() => expect([...new Set(processed)].sort()).toEqual(['delayed', 'queued-1', 'queued-2']), {
      timeoutMs: 30_000,
    });

    // The socket's rooms still deliver: logging out reaches its session room through the Redis emitter.
    const revoked = nextEvent(socket, 'auth:revoked');
    const logout = await app.request('POST', '/v1/auth/logout', { token: person.tokens.accessToken });
    expect(logout.status).toBe(204);
    await revoked;
    socket.close();
  }, 120_000);
});
