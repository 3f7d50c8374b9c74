import { execFile, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
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
import { freePort } from '../../libs/platform/src/runtime/free-port.js';
import { TEST_PASSWORD } from './showrunner.js';
import { ExitedEarly, exitedEarly, sourceArgs, startNode, untilReady, type StartedProcess } from './source-process.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
export type AppName = 'standalone' | 'api' | 'worker' | 'cli';

/**
 * What a test process runs: an app from its TypeScript source (no build; what almost every test wants), or a
 * bundle `buildBundles` made (only the test whose point is the shipped artifact).
 */
export type Program = AppName | { bundle: string };

function nodeArgs(program: Program, args: string[]): string[] {
  return typeof program === 'string'
    ? [...sourceArgs(`apps/${program}/src/main.ts`), ...args]
    : [program.bundle, ...args];
}

/** The newest modification time of the sources a bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['apps', 'libs', 'config', 'migrations']) walk(join(root, dir));
  return newest;
}

function builtAtPath(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

const builtAt = (app: AppName) => {
  try {
    return statSync(join(root, 'dist/apps', app, 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * Builds the bundles that are older than their sources (`nest build`, serialised across test files by
 * a lock directory) and runs private copies of them, so another file's rebuild never swaps a bundle
 * under a restart. Only for a test about the built artifact itself: the rest run the sources.
 */
export async function buildBundles(...apps: AppName[]): Promise<Record<AppName, string>> {
  const lock = join(root, 'dist', '.build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  await eventually(
    () => {
      // A lock left by a test run that was killed mid-build is taken over after ten minutes (four builds
      // on a loaded CI machine take several).
      if (Date.now() - builtAtPath(lock) > 600_000) rmSync(lock, { recursive: true, force: true });
      mkdirSync(lock);
    },
    { timeoutMs: 480_000, intervalMs: 250 },
  );
  const bundles = {} as Record<AppName, string>;
  try {
    const sources = newestSource();
    for (const app of apps) {
      if (builtAt(app) < sources)
        await run(join(root, 'node_modules/.bin/nest'), ['build', app], { cwd: root, env: process.env });
      // Beside the original: the bundle resolves node_modules and its assets from its own folder.
      bundles[app] = join(root, 'dist/apps', app, `main.copy-${process.pid}.js`);
      copyFileSync(join(root, 'dist/apps', app, 'main.js'), bundles[app]);
    }
  } finally {
    rmdirSync(lock);
  }
  return bundles;
}

export function removeBundles(bundles: Partial<Record<AppName, string>>): void {
  for (const bundle of Object.values(bundles)) rmSync(bundle, { force: true });
}

/** PostgreSQL and Redis shared by every process a test starts, and the environment that points at them. */
export interface SharedServices {
  database: TestDatabase;
  env: Record<string, string>;
  /** One query straight to the database, bypassing the processes under test. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A client of the Redis the processes share (their keys start with `env.REDIS_PREFIX`). */
  redis: Redis;
  /** SIGKILLs every process this file started, then drops the database. */
  close(): Promise<void>;
}

export async function sharedServices(extra: Record<string, string> = {}): Promise<SharedServices> {
  const database = await createTestDatabase();
  const prefix = uniquePrefix();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const redis = new Redis(testRedisUrl());
  return {
    database,
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
      SEARCH_INDEX_PREFIX: prefix,
      JWT_SECRET: TEST_JWT_SECRET,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-faults-')),
      NODE_ENV: 'test',
      OUTBOX_POLL_INTERVAL_MS: '200',
      TRUST_SAFETY_NEW_ACCOUNT_GATES: 'false',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      PASSWORD_HASH_PASSES: '1',
      // A killed worker's job is picked up by another within seconds, not half a minute.
      QUEUE_LOCK_DURATION_MS: '3000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'warn',
      ...extra,
    },
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    redis,
    close: async () => {
      await stopAllProcesses();
      redis.disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

/** A real API or worker process: SIGKILLed, restarted (with other env), waited for. */
export interface AppProcess {
  readonly name: string;
  /** The API's base URL (workers have none). */
  readonly url: string;
  child: ChildProcess;
  output(): string;
  exited(): Promise<number | null>;
  /** SIGKILL (or `signal`) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Waits for an exit the process brings on itself (an armed fault point). */
  died(timeoutMs?: number): Promise<void>;
  /**
   * Starts it again, with `env` over the first environment (`FAULT_INJECT: ''` disarms), and waits
   * until it is ready; `{ ready: false }` does not wait (a fault point may end it before it is ready).
   */
  restart(env?: Record<string, string>, options?: { ready?: boolean }): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test file that fails half-way (a boot timing out in Promise.all) leaves no process behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** SIGKILLs every process this file started and waits for them. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      return exited;
    }),
  );
}

/** Starts `program` (SIGKILLed by `stopAllProcesses` or when the test file ends); the pid is the app's own. */
export function launch(program: Program, env: Record<string, string>, args: string[] = []): StartedProcess {
  const started = startNode(nodeArgs(program, args), env);
  running.add(started.child);
  started.child.once('exit', () => running.delete(started.child));
  return started;
}

async function startProcess(
  name: string,
  program: Program,
  env: Record<string, string>,
  ready: (spawned: StartedProcess) => Promise<void>,
  url = '',
): Promise<AppProcess> {
  let current = launch(program, env);
  let history = '';
  const handle: AppProcess = {
    name,
    url,
    get child() {
      return current.child;
    },
    output: () => history + current.output(),
    exited: () => current.exited,
    async kill(signal = 'SIGKILL') {
      if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal);
      await current.exited;
    },
    async died(timeoutMs = 20_000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        current.exited,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${name} did not die:\n${handle.output()}`)), timeoutMs);
        }),
      ]).finally(() => clearTimeout(timer));
    },
    async restart(more = {}, { ready: awaitReady = true } = {}) {
      await handle.kill();
      history += current.output();
      current = launch(program, { ...env, ...more });
      if (awaitReady) await ready(current);
    },
  };
  await ready(current);
  return handle;
}

/** Starts the API (`apps/api`) on a free port and waits for `/health/ready`. */
export async function spawnApi(env: Record<string, string>, name = 'api'): Promise<AppProcess> {
  const port = String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  return startProcess(name, 'api', { ...env, PORT: port }, (spawned) => untilReady(url, spawned, 120_000), url);
}

/**
 * Starts the worker (`apps/worker`) and waits until its outbox relay LISTENs (the last thing it does at boot),
 * recognised by the PostgreSQL application name the process is given.
 */
export async function spawnWorker(
  services: SharedServices,
  env: Record<string, string>,
  name = 'worker',
): Promise<AppProcess> {
  const appName = `${name}-${Math.random().toString(36).slice(2, 8)}`;
  // Probes on a port of their own: parallel test files would otherwise all want the default 3001.
  return startProcess(name, 'worker', { WORKER_HTTP_PORT: '0', ...env, PGAPPNAME: appName }, (spawned) =>
    eventually(
      async () => {
        exitedEarly(spawned);
        const listening = await services.sql(
          `select 1 from pg_stat_activity where application_name = $1 and query = 'listen platform_outbox'`,
          [appName],
        );
        if (!listening.length) throw new Error(`${name} not ready:\n${spawned.output()}`);
      },
      { timeoutMs: 120_000, intervalMs: 250, stopOn: (error) => error instanceof ExitedEarly },
    ),
  );
}

/** Runs the CLI (`apps/cli`) once; resolves with its stdout, rejects with its stderr. */
export async function runCli(env: Record<string, string>, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, nodeArgs('cli', args), {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  return stdout;
}

/** A new account, registered over HTTP on a running API: its id and access token. */
export async function registerPerson(apiUrl: string, handle: string): Promise<{ userId: string; token: string }> {
  const answer = await httpRequest(apiUrl, 'POST', '/v1/auth/register', {
    body: { email: `${handle}@example.com`, password: TEST_PASSWORD, handle, displayName: handle },
  });
  expect(answer.status).toBe(201);
  return { userId: answer.body.user.id, token: answer.body.tokens.accessToken };
}
