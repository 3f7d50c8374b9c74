import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, httpRequest, testRedisUrl } from '@lib/platform/testing';
import { freePort } from '../../../libs/platform/src/runtime/free-port.js';
import {
  buildBundles,
  launch,
  registerPerson,
  removeBundles,
  runCli,
  sharedServices,
  stopAllProcesses,
  type AppName,
  type SharedServices,
} from '../../support/processes.js';
import { TEST_PASSWORD } from '../../support/showrunner.js';
import { untilReady } from '../../support/source-process.js';

/**
 * The apps as real processes: what `npm start`, `start:api`, `start:worker` and the CLI execute. The first
 * test runs the built `npm start` bundle (the suite's one proof of the shipped artifact); the rest run the
 * same entry points from source, so `npm test` builds nothing else.
 */
describe('the processes', () => {
  let bundles: Partial<Record<AppName, string>> = {};

  afterEach(() => stopAllProcesses());
  afterAll(() => removeBundles(bundles));

  it('npm start: one process on embedded PostgreSQL and Redis that keeps its data and stops cleanly', async () => {
    // Built when stale, under the lock a parallel file would also take, and run from a private copy.
    bundles = await buildBundles('standalone');
    const standalone = { bundle: bundles.standalone! };
    const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-start-'));
    const port = String(await freePort());
    const base = `http://127.0.0.1:${port}`;

    const first = launch(standalone, { DATA_DIR: dataDir, PORT: port });
    await untilReady(base, first);
    expect(first.output()).toContain(`API docs       ${base}/docs`);
    expect(first.output()).toContain(`Queues         ${base}/admin/queues`);
    const published = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8'));

    await registerPerson(base, 'persisted');
    // The worker runs in the same process: the projector makes the account searchable.
    await eventually(async () =>
      expect((await httpRequest(base, 'GET', '/v1/search/people?q=persisted')).body.total).toBe(1),
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    // Embedded services stopped with it: nothing answers on their ports any more.
    await expect(httpRequest(`http://127.0.0.1:${new URL(published.databaseUrl).port}`, 'GET', '/')).rejects.toThrow();

    const second = launch(standalone, { DATA_DIR: dataDir, PORT: port });
    await untilReady(base, second);
    const login = await httpRequest(base, 'POST', '/v1/auth/login', {
      body: { email: 'persisted@example.com', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 600_000); // a `nest build` on a loaded 2-core machine (only when the sources changed), then two boots

  describe('on shared services', () => {
    let services: SharedServices;
    let env: Record<string, string>;

    beforeAll(async () => {
      services = await sharedServices();
      env = services.env;
    });
    afterAll(() => services?.close());

    it('start:api and start:worker: the API records, the separate worker projects', async () => {
      const port = String(await freePort());
      const base = `http://127.0.0.1:${port}`;
      const api = launch('api', { ...env, PORT: port });
      await untilReady(base, api);
      const registered = await registerPerson(base, 'split_person');
      // No worker yet: the API runs no outbox relay (nothing LISTENs for outbox inserts), so the event
      // waits unpublished in the outbox and the index stays empty.
      const registration = () =>
        services.sql(
          `select published_at is not null as published from platform.outbox where type = 'identity.user-registered.v1' and payload->>'userId' = $1`,
          [registered.userId],
        );
      const relayListeners = () =>
        services.sql(
          `select pid from pg_stat_activity where datname = current_database() and query = 'listen platform_outbox'`,
        );
      expect(await relayListeners()).toEqual([]);
      expect(await registration()).toEqual([{ published: false }]);
      expect((await httpRequest(base, 'GET', '/v1/search/people?q=split_person')).body.total).toBe(0);

      const probes = `http://127.0.0.1:${await freePort()}`;
      const worker = launch('worker', { ...env, WORKER_HTTP_PORT: new URL(probes).port });
      // The worker answers an orchestrator's probes on its own port (docs/adr/0050).
      await untilReady(probes, worker);
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
    }, 150_000); // two boots from source: about 10 s alone, several times that on a loaded machine (60 s ran out once)

    // Each CLI process boots the whole app: about 3.5 s alone, and up to six times that in a loaded CI run, where
    // seven of them in one test outlived its 150 s twice. Hence two tests of a few processes each.
    const cli = (...args: string[]) => runCli(env, ...args);

    it('the CLI migrates and creates an admin, once', async () => {
      expect(await cli('migration:up')).toContain('The database is up to date.');
      const created = await cli('users:create-admin', '--email', 'ops@example.com');
      expect(created).toMatch(/Created admin ops@example.com\.\nGenerated password \(shown once\): \S{20,}/);
      expect(await cli('users:create-admin', '--email', 'ops@example.com')).toContain('already an admin');
    }, 150_000);

    it('the CLI rebuilds the people index, syncs the plans and refuses unknown commands', async () => {
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
    }, 150_000);
  });

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    const bad = launch('api', { PORT: 'eighty', DATABASE_URL: 'mysql://nope', REDIS_URL: testRedisUrl() });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Invalid configuration');
    expect(bad.output()).toContain('PORT="eighty"');
    expect(bad.output()).toContain('DATABASE_URL="mysql://nope": must be a postgres');
    expect(bad.output()).not.toMatch(/\n\s+at /); // no stack trace for a configuration mistake
  });

  it('npm start without a redis-server binary names the fix, and leaves no PostgreSQL behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-noredis-'));
    const started = launch('standalone', {
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
    const lonely = launch('worker', { DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-lonely-')) });
    expect(await lonely.exited).toBe(1);
    expect(lonely.output()).toContain('DATABASE_URL is not set');
    expect(lonely.output()).toContain('npm start');
  });
});
