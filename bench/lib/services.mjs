// Throwaway PostgreSQL + Redis for a benchmark, started and migrated with the project's own helpers (as the tests do).
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { keepOnlyOurSignalHandlers, onCleanup } from './processes.mjs';

const fromRoot = (path) => new URL(`../../${path}`, import.meta.url).href;

/** Loads a TypeScript module of the project (path from the repository root); tsconfig paths resolve. */
export function importSource(path) {
  return tsImport(fromRoot(path), import.meta.url);
}

/** Starts embedded PostgreSQL and a redis-server, migrates the database; all stopped by cleanup(). */
export async function startServices({ database = 'showrunner_bench' } = {}) {
  const [{ startEmbeddedPostgres }, { startRedisServer }, { migrateDatabase }, { migrations }] = await Promise.all([
    importSource('libs/platform/src/runtime/embedded-postgres.ts'),
    importSource('libs/platform/src/runtime/redis-server.ts'),
    importSource('libs/platform/src/persistence/migrate.ts'),
    importSource('migrations/index.ts'),
  ]);
  const root = mkdtempSync(join(tmpdir(), 'showrunner-bench-'));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as its own system user and must reach this folder
  onCleanup('remove temporary data', async () => rmSync(root, { recursive: true, force: true }));

  // Our own signal handling stops it (after the servers using it); the package must not race us.
  const postgres = await startEmbeddedPostgres({
    dataDir: join(root, 'postgres'),
    database,
    persistent: false,
    unsafeFastWrites: true,
  });
  const dataDir = join(root, 'postgres');
  // A terminal Ctrl-C reaches the postmaster too; stop() would then wait for an exit that already happened.
  onCleanup('stop PostgreSQL', async () => (postmasterAlive(dataDir) ? postgres.stop() : undefined));
  keepOnlyOurSignalHandlers();
  // detached: a terminal Ctrl-C must not kill Redis before the app has closed its connections.
  const redis = await startRedisServer({ detached: true });
  onCleanup('stop Redis', () => redis.stop());
  await migrateDatabase(postgres.url, migrations, { silent: true });
  return { databaseUrl: postgres.url, redisUrl: redis.url, root };
}

function postmasterAlive(dataDir) {
  try {
    process.kill(Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 0);
    return true;
  } catch {
    return false;
  }
}

/** A MikroORM-style `execute(sql, params)` over a bare pg client or pool (`?` placeholders → `$n`). */
export function bareExecutor(client) {
  return {
    async execute(sql, params = []) {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    },
  };
}

/** The api app's environment in a benchmark: the bench's own services, a fixed secret, warn-level logs. */
export function apiAppEnv(services, logLevel = 'warn') {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: logLevel,
    REDIS_URL: services.redisUrl,
    JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    DATA_DIR: `${services.root}/app-data`,
  };
}
