import type { INestApplicationContext } from '@nestjs/common';
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import {
  createTestRuntime,
  eventually,
  httpRequest,
  startTestContext,
  within,
  type TestRuntime,
} from '@lib/platform/testing';
import { WorkerModule } from '../../../apps/worker/src/worker.module.js';
import { WorkerProbeServer } from '../../../libs/platform/src/observability/worker-probe-server.js';
import { QueueCatalog } from '../../../libs/platform/src/queues/queue-catalog.js';
import type { RunningService } from '../../../libs/platform/src/runtime/embedded-postgres.js';
import { startRedisServer } from '../../../libs/platform/src/runtime/redis-server.js';

/** A separate worker's /health/live, /health/ready and /metrics on WORKER_HTTP_PORT, with its dependencies going away. */
describe('worker probes (liveness, readiness, metrics)', () => {
  let redis: RunningService;
  let runtime: TestRuntime;
  let worker: INestApplicationContext;
  let base: string;
  let closing: Promise<void> | undefined;

  beforeAll(async () => {
    redis = await startRedisServer(); // this file's own Redis: it is stopped below
    runtime = await createTestRuntime({ REDIS_URL: redis.url, WORKER_HTTP_PORT: '0' });
    worker = await startTestContext((config) => WorkerModule.forRoot(config), runtime);
    base = `http://127.0.0.1:${worker.get(WorkerProbeServer).port}`;
  }, 60_000);
  afterAll(async () => {
    // A close that fails or hangs must still leave no redis-server behind this file.
    try {
      if (worker) await within((closing ??= worker.close()), 20_000, 'closing the worker');
    } finally {
      await runtime?.dispose();
      await redis?.stop();
    }
  });

  it('is live and ready, and its metrics show queue depths, jobs it ran and the outbox lag', async () => {
    expect(await httpRequest(base, 'GET', '/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await httpRequest(base, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, redis: { status: 'up' }, search: { status: 'up' } },
    });
    // The partitions job runs once at every worker start: this worker ran (and counted) it.
    const metrics = await eventually(async () => {
      const text = (await httpRequest(base, 'GET', '/metrics')).body as string;
      expect(text).toMatch(/jobs_processed_total\{queue="insights.maintenance",outcome="completed"\} [1-9]/);
      return text;
    });
    expect(metrics).toMatch(/queue_jobs\{queue="identity.send-mail",state="waiting"\} \d+/);
    expect(metrics).toMatch(/outbox_unpublished_events \d+/);
  });

  it('answers anything else with problem+json', async () => {
    const post = await httpRequest(base, 'POST', '/health/live', { body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-type')).toContain('application/problem+json');
    expect(post.body).toMatchObject({ status: 405, code: 'http.method-not-allowed' });
    const unknown = await httpRequest(base, 'GET', '/v1/auth/login');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'http.not-found' } });
  });

  it('a second worker on a port already taken: fails at boot when the port was chosen, runs without probes on the default', async () => {
    const taken = String(worker.get(WorkerProbeServer).port);
    const chosen = await createTestRuntime({ REDIS_URL: redis.url, WORKER_HTTP_PORT: taken }, runtime.database);
    await expect(startTestContext((config) => WorkerModule.forRoot(config), chosen)).rejects.toThrow(/EADDRINUSE/);

    // The default port (3001), held here unless something else on this host already holds it.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.once('error', () => resolve()).listen(3001, '127.0.0.1', resolve));
    try {
      const byDefault = await createTestRuntime({ REDIS_URL: redis.url, WORKER_HTTP_PORT: '' }, runtime.database);
      const second = await startTestContext((config) => WorkerModule.forRoot(config), byDefault);
      expect(second.get(WorkerProbeServer).port).toBeUndefined();
      await second.close();
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('turns unready while Redis is down and ready again when it is back; stays live throughout', async () => {
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    const down = await eventually(async () => {
      const answer = await httpRequest(base, 'GET', '/health/ready');
      expect(answer.status).toBe(503);
      return answer.body;
    });
    expect(down).toMatchObject({
      status: 'unavailable',
      checks: { redis: { status: 'down' }, postgres: { status: 'up' } },
    });
    expect((await httpRequest(base, 'GET', '/health/live')).status).toBe(200);

    // The same port or a clear failure: on another one the worker would reconnect to the old one forever.
    redis = await startRedisServer({ port });
    await eventually(async () => expect((await httpRequest(base, 'GET', '/health/ready')).status).toBe(200), {
      timeoutMs: 20_000,
    });
  }, 40_000);

  it('turns unready while its database is gone, and ready again when it is back', async () => {
    await runtime.database.drop();
    const answer = await eventually(async () => {
      const probe = await httpRequest(base, 'GET', '/health/ready');
      expect(probe.status).toBe(503);
      return probe.body;
    });
    expect(answer).toMatchObject({ checks: { postgres: { status: 'down' }, redis: { status: 'up' } } });

    // The same database name again (from the migrated template), as a restored server would have it.
    const template = new URL(process.env.TEST_TEMPLATE_DATABASE_URL!);
    const admin = new pg.Client({
      connectionString: Object.assign(new URL(template), { pathname: '/postgres' }).toString(),
    });
    await admin.connect();
    try {
      await admin.query(
        `create database ${new URL(runtime.database.url).pathname.slice(1)} template ${template.pathname.slice(1)}`,
      );
    } finally {
      await admin.end();
    }
    await eventually(async () => expect((await httpRequest(base, 'GET', '/health/ready')).status).toBe(200), {
      timeoutMs: 20_000,
    });
  }, 40_000);

  it('shuts down within seconds right after its Redis came back', async () => {
    const second = await startTestContext(
      (config) => WorkerModule.forRoot(config),
      await createTestRuntime({ REDIS_URL: redis.url, WORKER_HTTP_PORT: '' }, runtime.database),
    );
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    await delay(3_000); // long enough for the blocking connections' reconnect backoff to grow past a second
    redis = await startRedisServer({ port });
    // Closed while those connections still wait out their backoff: Bull used to replay each queue's offline
    // BRPOPLPUSH on its forced reconnect and wait out every one's 5 s timeout in turn (20 s at concurrency 4).
    await within(second.close(), 8_000, 'closing a worker right after Redis came back');
  }, 40_000);

  it('shuts down within seconds while its Redis is gone', async () => {
    await redis.stop();
    await eventually(async () => expect((await httpRequest(base, 'GET', '/health/ready')).status).toBe(503));
    // A command waiting for Redis to come back, as Bull's own timers leave some: QUIT would queue behind it.
    void worker.get(QueueCatalog).all()[0].getJobCounts();
    await within((closing = worker.close()), 20_000, 'closing the worker without Redis');
  }, 40_000);
});
