import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, readEnvironment, type Environment } from '@config';
import { startEmbeddedPostgres, type RunningService } from './embedded-postgres.js';
import { startRedisServer } from './redis-server.js';
import { claimDataDir } from './data-dir-lock.js';

export interface PlatformRuntime {
  config: AppConfig;
  /** What this process started itself (shown at boot). */
  embedded: { postgres?: string; redis?: string };
  /** True when the services of an already running `npm start` are being reused. */
  reused: boolean;
  /** Marks the data folder's lock as stopping, so a start made meanwhile waits for us (signal handlers call it first). */
  markStopping(): void;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** Start embedded PostgreSQL / redis-server for whatever URL is missing. */
  allowEmbedded: boolean;
  /** Use the embedded services of a running `npm start` instead of starting new ones (CLI). */
  reuseRunning?: boolean;
  /** The caller stops embedded services itself after closing the app (ordered shutdown on signals). */
  ownsShutdown?: boolean;
  env?: Environment;
}

interface PublishedServices {
  pid: number;
  databaseUrl: string;
  redisUrl: string;
}

/**
 * Turns the environment into a configuration, starting embedded PostgreSQL and a local redis-server
 * for whatever URL is missing, so `npm start` needs nothing else. Their URLs are written to
 * DATA_DIR/runtime.json while they run, so the CLI can work against the same data.
 */
export async function resolveRuntime(options: RuntimeOptions): Promise<PlatformRuntime> {
  const env = options.env ?? readEnvironment();
  const jwtSecret = env.JWT_SECRET ?? localJwtSecret(env.DATA_DIR);
  const published = join(env.DATA_DIR, 'runtime.json');

  if (options.reuseRunning && !env.DATABASE_URL && !env.REDIS_URL) {
    const running = readPublished(published);
    if (running) {
      const config = new AppConfig(env, { databaseUrl: running.databaseUrl, redisUrl: running.redisUrl, jwtSecret });
      return { config, embedded: {}, reused: true, markStopping: () => undefined, stop: async () => undefined };
    }
  }
  if ((!env.DATABASE_URL || !env.REDIS_URL) && !options.allowEmbedded) {
    throw new Error(
      `${!env.DATABASE_URL ? 'DATABASE_URL' : 'REDIS_URL'} is not set. A separate API or worker process needs shared services: ` +
        'set DATABASE_URL and REDIS_URL (`docker compose up -d` provides them), or run `npm start` for the all-in-one process.',
    );
  }

  const started: RunningService[] = [];
  const embedded: PlatformRuntime['embedded'] = {};
  // The data folder's services belong to one instance; a start waits for one that is still stopping.
  const lock =
    !env.DATABASE_URL || !env.REDIS_URL
      ? await claimDataDir(env.DATA_DIR, {
          waitMs: env.SHUTDOWN_GRACE_MS + 60_000,
          onWait: (pid) => console.log(`Waiting for the previous instance (pid ${pid}) to stop…`),
        })
      : undefined;
  const stop = async () => {
    lock?.markStopping();
    if (embedded.postgres || embedded.redis) rmSync(published, { force: true });
    try {
      for (const service of started.reverse()) await service.stop().catch(() => undefined);
    } finally {
      lock?.release();
    }
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    let redisUrl = env.REDIS_URL;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir: join(env.DATA_DIR, 'postgres'),
        database: 'showrunner',
        preferredPort: 54329,
      });
      started.push(postgres);
      databaseUrl = embedded.postgres = postgres.url;
    }
    if (!redisUrl) {
      const redis = await startRedisServer({
        binary: env.REDIS_SERVER_BIN,
        dataDir: join(env.DATA_DIR, 'redis'),
        preferredPort: 63790,
        detached: options.ownsShutdown,
      });
      started.push(redis);
      redisUrl = embedded.redis = redis.url;
    }
    if (started.length)
      writeFileSync(published, JSON.stringify({ pid: process.pid, databaseUrl, redisUrl } satisfies PublishedServices));
    return {
      config: new AppConfig(env, { databaseUrl, redisUrl, jwtSecret }),
      embedded,
      reused: false,
      markStopping: () => lock?.markStopping(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readPublished(file: string): PublishedServices | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const published = JSON.parse(readFileSync(file, 'utf8')) as PublishedServices;
    process.kill(published.pid, 0); // throws when that process is gone
    return published;
  } catch {
    return undefined;
  }
}

/** Outside production a missing JWT_SECRET is generated once and kept in the data folder. */
function localJwtSecret(dataDir: string): string {
  const file = resolve(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
