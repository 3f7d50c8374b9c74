import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations } from '@migrations';
import { migrateDatabase } from '../../libs/platform/src/persistence/migrate.js';
import { startEmbeddedPostgres, type RunningService } from '../../libs/platform/src/runtime/embedded-postgres.js';
import { startRedisServer } from '../../libs/platform/src/runtime/redis-server.js';

declare global {
  var __SHOWRUNNER_TEST_SERVICES__: RunningService[] | undefined;
}

export async function stopTestServices(): Promise<void> {
  for (const service of (globalThis.__SHOWRUNNER_TEST_SERVICES__ ?? []).reverse()) {
    await service.stop().catch((error: unknown) => console.error('failed to stop a test service', error));
  }
  globalThis.__SHOWRUNNER_TEST_SERVICES__ = [];
}

/**
 * Starts the services every suite shares: a throwaway PostgreSQL cluster holding a migrated template
 * database (each test file clones its own database from it) and a redis-server (each file uses its own
 * key prefix). stopTestServices (global teardown) stops both, so a run leaves no process behind.
 */
export async function startTestServices(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'showrunner-test-'));
  const services: RunningService[] = [];
  globalThis.__SHOWRUNNER_TEST_SERVICES__ = services;
  const postgres = await startEmbeddedPostgres({
    dataDir: join(root, 'postgres'),
    database: 'showrunner_template',
    persistent: false,
    unsafeFastWrites: true,
    // Up to JEST_MAX_WORKERS files at once, each with one or two apps holding an API and a worker pool.
    maxConnections: 500,
  });
  services.push(postgres);
  const redis = await startRedisServer();
  services.push(redis);
  await migrateDatabase(postgres.url, migrations, { silent: true });

  process.env.TEST_TEMPLATE_DATABASE_URL = postgres.url;
  process.env.TEST_REDIS_URL = redis.url;
}
