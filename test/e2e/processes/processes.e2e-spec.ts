import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  createTestDatabase,
  eventually,
  httpRequest,
  testRedisUrl,
  uniquePrefix,
  TEST_JWT_SECRET,
  type TestDatabase,
} from '@lib/platform/testing';
import { freePort } from '../../../libs/platform/src/runtime/free-port.js';
import { buildBundles, removeBundles } from '../../support/processes.js';
import { TEST_PASSWORD } from '../../support/showrunner.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const node = process.execPath;
const bundle = (app: string) => join(root, 'dist/apps', app, 'main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(app: string, env: Record<string, string>, args: string[] = []): Started {
  const child = spawn(node, [bundle(app), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((done) => child.once('exit', (code) => done(code))) };
}

async function ready(base: string, process: Started): Promise<void> {
  await eventually(
    async () => {
      const answer = await httpRequest(base, 'GET', '/health/ready').catch(() => undefined);
      if (answer?.status !== 200) throw new Error(`not ready yet:\n${process.output()}`);
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
}

/** One query straight to the test database, bypassing the processes under test. */
async function query<T>(database: TestDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function register(base: string, handle: string) {
  return httpRequest(base, 'POST', '/v1/auth/register', {
    body: { email: `${handle}@example.com`, password: TEST_PASSWORD, handle, displayName: `Person ${handle}` },
  });
}

/** The shipped bundles, run as real processes: what `npm start`, `start:api`, `start:worker` and the CLI execute. */
describe('the built processes', () => {
  const running: Started[] = [];

  beforeAll(async () => {
    // `npm run build`'s four bundles, built under the lock the fault tests share (and only when stale),
    // so parallel files never build the same bundle twice or swap one under a running process.
    removeBundles(await buildBundles('standalone', 'api', 'worker', 'cli'));
  }, 600_000);

  afterEach(async () => {
    for (const started of running.splice(0)) {
      if (started.child.exitCode === null) {
        started.child.kill('SIGKILL');
        await started.exited;
      }
    }
  });

  it('npm start: one process on embedded PostgreSQL and Redis that keeps its data and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-start-'));
    const port = String(await freePort());
    const base = `http://127.0.0.1:${port}`;

    const first = start('standalone', { DATA_DIR: dataDir, PORT: port });
    running.push(first);
    await ready(base, first);
    expect(first.output()).toContain(`API docs       ${base}/docs`);
    expect(first.output()).toContain(`Queues         ${base}/admin/queues`);
    const published = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));

    expect((await register(base, 'persisted')).status).toBe(201);
    // The worker runs in the same process: the projector makes the account searchable.
    await eventually(async () =>
      expect((await httpRequest(base, 'GET', '/v1/search/people?q=persisted')).body.total).toBe(1),
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    // Embedded services stopped with it: nothing answers on their ports any more.
    await expect(httpRequest(`http://127.0.0.1:${new URL(published.databaseUrl).port}`, 'GET', '/')).rejects.toThrow();

    const second = start('standalone', { DATA_DIR: dataDir, PORT: port });
    running.push(second);
    await ready(base, second);
    const login = await httpRequest(base, 'POST', '/v1/auth/login', {
      body: { email: 'persisted@example.com', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 90_000);

  describe('on shared services', () => {
    let database: TestDatabase;
    let env: Record<string, string>;

    beforeAll(async () => {
      database = await createTestDatabase();
      const prefix = uniquePrefix();
      env = {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        REDIS_PREFIX: prefix,
        SEARCH_INDEX_PREFIX: prefix,
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-shared-')),
      };
    });
    afterAll(() => database.drop());

    it('start:api and start:worker: the API records, the separate worker projects', async () => {
      const port = String(await freePort());
      const base = `http://127.0.0.1:${port}`;
      const api = start('api', { ...env, PORT: port });
      running.push(api);
      await ready(base, api);
      const registered = await register(base, 'split_person');
      expect(registered.status).toBe(201);
      // No worker yet: the API runs no outbox relay (nothing LISTENs for outbox inserts), so the event
      // waits unpublished in the outbox and the index stays empty.
      const registration = () =>
        query(
          database,
          `select published_at is not null as published from platform.outbox where type = 'identity.user-registered.v1' and payload->>'userId' = $1`,
          [registered.body.user.id],
        );
      const relayListeners = () =>
        query(
          database,
          `select pid from pg_stat_activity where datname = current_database() and query = 'listen platform_outbox'`,
        );
      expect(await relayListeners()).toEqual([]);
      expect(await registration()).toEqual([{ published: false }]);
      expect((await httpRequest(base, 'GET', '/v1/search/people?q=split_person')).body.total).toBe(0);

      const probes = `http://127.0.0.1:${await freePort()}`;
      const worker = start('worker', { ...env, WORKER_HTTP_PORT: new URL(probes).port });
      running.push(worker);
      // The worker answers an orchestrator's probes on its own port (docs/adr/0050).
      await ready(probes, worker);
      expect((await httpRequest(probes, 'GET', '/metrics')).body).toContain('queue_jobs{queue="identity.send-mail"');
      await eventually(
        async () => expect((await httpRequest(base, 'GET', '/v1/search/people?q=split_person')).body.total).toBe(1),
        {
          timeoutMs: 20_000,
        },
      );
      expect(await registration()).toEqual([{ published: true }]);
      expect(await relayListeners()).toHaveLength(1);
      worker.child.kill('SIGTERM');
      api.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(await api.exited).toBe(0);
    }, 60_000);

    it('the CLI creates an admin, migrates, rebuilds the people index and syncs the plans', async () => {
      const cli = async (...args: string[]) => {
        const { stdout } = await run(node, [bundle('cli'), ...args], {
          cwd: root,
          env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
        });
        return stdout;
      };
      expect(await cli('migration:up')).toContain('The database is up to date.');
      const created = await cli('users:create-admin', '--email', 'ops@example.com');
      expect(created).toMatch(/Created admin ops@example.com\.\nGenerated password \(shown once\): \S{20,}/);
      expect(await cli('users:create-admin', '--email', 'ops@example.com')).toContain('already an admin');
      expect(await cli('search:reindex', 'people')).toMatch(/people: version 2 is live with \d+ documents\./);
      const synced = await cli('billing:sync-plans');
      for (const plan of ['prime', 'creator-plus', 'studio-pro'])
        expect(synced).toMatch(new RegExp(`^${plan}: product prod_\\w+`, 'm'));
      await expect(cli('search:reindex', 'nope')).rejects.toMatchObject({
        stderr: expect.stringContaining('one of: people'),
      });
      await expect(cli('no-such-command')).rejects.toMatchObject({
        stderr: expect.stringContaining('Unknown command'),
      });
    }, 150_000); // seven CLI processes, each booting the whole app on a 2-core machine
  });

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    const bad = start('api', { PORT: 'eighty', DATABASE_URL: 'mysql://nope', REDIS_URL: testRedisUrl() });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Invalid configuration');
    expect(bad.output()).toContain('PORT="eighty"');
    expect(bad.output()).toContain('DATABASE_URL="mysql://nope": must be a postgres');
    expect(bad.output()).not.toMatch(/\n\s+at /); // no stack trace for a configuration mistake
  });

  it('npm start without a redis-server binary names the fix, and leaves no PostgreSQL behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-noredis-'));
    const started = start('standalone', {
      DATA_DIR: dataDir,
      REDIS_SERVER_BIN: '/nowhere/redis-server',
      PORT: String(await freePort()),
    });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('No redis-server binary found (REDIS_SERVER_BIN=/nowhere/redis-server)');
    expect(started.output()).toContain('sudo apt-get install -y redis-server');
    expect(started.output()).toContain('set REDIS_URL to a running Redis');
    // The embedded PostgreSQL it had started was stopped again: its lock file is gone.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('tells a separate API process what to set when there are no shared services', async () => {
    const lonely = start('worker', { DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-lonely-')) });
    expect(await lonely.exited).toBe(1);
    expect(lonely.output()).toContain('DATABASE_URL is not set');
    expect(lonely.output()).toContain('npm start');
  });
});
