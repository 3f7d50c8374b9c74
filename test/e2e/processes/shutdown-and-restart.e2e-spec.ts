import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { eventually, httpRequest } from '@lib/platform/testing';
import { freePort } from '../../../libs/platform/src/runtime/free-port.js';
import { TEST_PASSWORD } from '../../support/showrunner.js';
import {
  isAlive,
  requestInTwoHalves,
  servicePids,
  startSource,
  untilReady,
  type SourceProcess,
} from '../../support/source-process.js';

const STANDALONE = 'apps/standalone/src/main.ts';

/** `npm start` stopped by Ctrl-C or SIGTERM and started again at once on the same data folder. */
describe('npm start: stop, restart and the data folder', () => {
  const running: SourceProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-restart-'));
  let base: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = String(await freePort());
    base = `http://127.0.0.1:${port}`;
    // A long grace: the in-flight request below holds the first instance until the second is seen waiting.
    env = {
      DATA_DIR: dataDir,
      PORT: port,
      SHUTDOWN_GRACE_MS: '60000',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_PASSES: '1',
    };
  });
  afterAll(async () => {
    for (const started of running) {
      if (started.child.exitCode === null && started.child.signalCode === null) {
        started.signalGroup('SIGKILL');
        await started.exited;
      }
    }
  });

  const start = () => {
    const started = startSource(STANDALONE, env);
    running.push(started);
    return started;
  };
  const stopped = async (pids: { postgres: number; redis: number }) =>
    eventually(() => expect([isAlive(pids.postgres), isAlive(pids.redis)]).toEqual([false, false]), {
      timeoutMs: 2_000,
    });

  it('waits for an instance stopping on Ctrl-C or SIGTERM, and takes over from a killed one', async () => {
    const first = start();
    await untilReady(base, first);
    const firstServices = servicePids(dataDir);

    // A registration in flight (half its body sent) holds the first instance in its shutdown.
    const registration = requestInTwoHalves(base, '/v1/auth/register', {
      email: 'in-flight@example.com',
      handle: 'in_flight',
      displayName: 'In flight',
      password: TEST_PASSWORD,
    });
    expect((await httpRequest(base, 'GET', '/health/live')).status).toBe(200); // the server has the request by now
    // Ctrl-C (SIGINT to the whole process group) and an immediate new start on the same data folder.
    first.signalGroup('SIGINT');
    const second = start();
    await eventually(
      () => expect(second.output()).toContain(`Waiting for the previous instance (pid ${first.pid}) to stop`),
      { timeoutMs: 40_000 },
    );
    expect(first.child.exitCode).toBeNull();
    registration.finish();
    expect((await registration.answer).status).toBe(201);
    expect(await first.exited).toBe(0);
    // The first instance stopped its PostgreSQL and redis-server before exiting.
    await stopped(firstServices);
    await untilReady(base, second);
    expect(second.output()).not.toContain('could not start');
    // The registration drained during the shutdown was committed: the account logs in on the new instance.
    const login = await httpRequest(base, 'POST', '/v1/auth/login', {
      body: { email: 'in-flight@example.com', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    const secondServices = servicePids(dataDir);

    // SIGTERM, then again a start at once.
    second.child.kill('SIGTERM');
    const third = start();
    expect(await second.exited).toBe(0);
    await stopped(secondServices);
    await untilReady(base, third);

    // Killed outright: its PostgreSQL and redis-server are left running, and the next start stops them first.
    const orphans = servicePids(dataDir);
    third.signalGroup('SIGKILL');
    await third.exited;
    expect([isAlive(orphans.postgres), isAlive(orphans.redis)]).toEqual([true, true]);
    const fourth = start();
    await untilReady(base, fourth);
    await stopped(orphans);

    const last = servicePids(dataDir);
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
    await stopped(last);
    expect(existsSync(join(dataDir, 'instance.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});

/** SIGTERM drains: requests in flight are answered, sockets told to reconnect, running jobs finish. */
describe('graceful shutdown within SHUTDOWN_GRACE_MS', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-drain-'));
  let app: SourceProcess | undefined;

  afterAll(async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.signalGroup('SIGKILL');
      await app.exited;
    }
  });

  it('answers the request in flight, sends sockets a reconnect notice, finishes the running job, then exits', async () => {
    const port = String(await freePort());
    const base = `http://127.0.0.1:${port}`;
    const graceMs = 20_000;
    app = startSource('test/e2e/processes/fixtures/standalone-with-slow-work.ts', {
      DATA_DIR: dataDir,
      PORT: port,
      SHUTDOWN_GRACE_MS: String(graceMs),
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_PASSES: '1',
    });
    await untilReady(base, app);
    const registered = await httpRequest(base, 'POST', '/v1/auth/register', {
      body: { email: 'socket@example.com', handle: 'socket_person', displayName: 'Socket', password: TEST_PASSWORD },
    });
    expect(registered.status).toBe(201);
    const socket = io(base, {
      auth: { token: registered.body.tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    const notice = new Promise((resolve) => socket.once('server:shutdown', resolve));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));

    expect(
      (await httpRequest(base, 'POST', '/fixture/slow-jobs', { body: { name: 'before', ms: 4_000 } })).status,
    ).toBe(201);
    await eventually(() => expect(existsSync(join(dataDir, 'before.started'))).toBe(true));
    const slow = httpRequest(base, 'GET', '/fixture/slow?ms=3000');
    await eventually(() => expect(existsSync(join(dataDir, 'slow-request.started'))).toBe(true));

    const signalled = Date.now();
    app.child.kill('SIGTERM');
    expect(await notice).toEqual({
      code: 'socket.server.shutting-down',
      reconnect: true,
      reconnectAfterMs: expect.any(Number),
    });
    // A transport loss, which socket.io-client reconnects from by itself ('io server disconnect' it would not).
    expect(await disconnected).toBe('transport close');
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: { waited: 3_000 } });
    // No new connection is taken while draining.
    await expect(httpRequest(base, 'GET', '/health/live')).rejects.toThrow();
    expect(await app.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(graceMs);
    expect(existsSync(join(dataDir, 'before.done'))).toBe(true);
    socket.close();
  }, 240_000); // a boot of `npm start` with its embedded services can take a minute on a loaded 2-core machine
});
