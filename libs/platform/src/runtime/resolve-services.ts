import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, readEnvironment, type Environment } from '@config';
import { startEmbeddedPostgres, type RunningService } from './embedded-postgres.js';
import { startRedisServer } from './redis-server.js';

export interface PlatformRuntime {
  config: AppConfig;
  /** What was started here rather than configured (shown at boot). */
  embedded: { postgres?: string; redis?: string };
  stop(): Promise<void>;
}

/**
 * Turns the environment into a configuration, starting embedded PostgreSQL and a local redis-server
 * for whatever URL is missing (when `allowEmbedded`), so `npm start` needs nothing else.
 */
export async function resolveRuntime(options: { allowEmbedded: boolean; env?: Environment }): Promise<PlatformRuntime> {
  const env = options.env ?? readEnvironment();
  const started: RunningService[] = [];
  const embedded: PlatformRuntime['embedded'] = {};
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    let redisUrl = env.REDIS_URL;
    if ((!databaseUrl || !redisUrl) && !options.allowEmbedded) {
      throw new Error(
        `${!databaseUrl ? 'DATABASE_URL' : 'REDIS_URL'} is not set. A separate API or worker process needs shared services: ` +
          'set DATABASE_URL and REDIS_URL (`docker compose up -d` provides them), or run `npm start` for the all-in-one process.',
      );
    }
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({ dataDir: join(env.DATA_DIR, 'postgres'), database: 'showrunner', preferredPort: 54329 });
      started.push(postgres);
      databaseUrl = embedded.postgres = postgres.url;
    }
    if (!redisUrl) {
      const redis = await startRedisServer({ binary: env.REDIS_SERVER_BIN, dataDir: join(env.DATA_DIR, 'redis'), preferredPort: 63790 });
      started.push(redis);
      redisUrl = embedded.redis = redis.url;
    }
    const jwtSecret = env.JWT_SECRET ?? localJwtSecret(env.DATA_DIR);
    return { config: new AppConfig(env, { databaseUrl, redisUrl, jwtSecret }), embedded, stop };
  } catch (error) {
    await stop();
    throw error;
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
