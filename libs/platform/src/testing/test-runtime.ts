import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, readEnvironment } from '@config';
import { createTestDatabase, testRedisUrl, uniquePrefix, type TestDatabase } from './test-database.js';

export const TEST_JWT_SECRET = 'test-secret-for-signing-access-tokens-in-tests';

export interface TestRuntime {
  config: AppConfig;
  database: TestDatabase;
  /** Drops the database (call after the app using it is closed). */
  dispose(): Promise<void>;
}

/**
 * A configuration for one test file: its own database (cloned from the migrated template) and its own
 * Redis prefix, so files run in parallel without seeing each other's rows, keys, queues or sockets.
 */
export async function createTestRuntime(
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<TestRuntime> {
  const db = database ?? (await createTestDatabase());
  const prefix = uniquePrefix();
  const environment = readEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-data-')),
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    SEARCH_INDEX_PREFIX: prefix,
    JWT_SECRET: TEST_JWT_SECRET,
    // OUTBOX_POLL_INTERVAL_MS stays at its default: LISTEN wakes the relay at each commit. Polling every 100 ms
    // in every test app cost about a fifth of the suite's CPU (one run each: Jest 1,107 s with it, 852 s without).
    // Suites register hundreds of accounts: the cheapest argon2id (the default costs ~0.3 s of CPU each).
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_PASSES: '1',
    // Test accounts are all new and unverified; suites that test the level-0 gates turn them on.
    TRUST_SAFETY_NEW_ACCOUNT_GATES: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    // A worker context's probe server on any free port: test files run side by side.
    WORKER_HTTP_PORT: '0',
    ...(process.env.ELASTICSEARCH_NODE ? { ELASTICSEARCH_NODE: process.env.ELASTICSEARCH_NODE } : {}),
    ...env,
  });
  // A test may point at its own Redis (e.g. one it restarts), like a deployment sets REDIS_URL.
  const config = new AppConfig(environment, {
    databaseUrl: db.url,
    redisUrl: env.REDIS_URL ?? testRedisUrl(),
    jwtSecret: environment.JWT_SECRET!,
  });
  return { config, database: db, dispose: () => (database ? Promise.resolve() : db.drop()) };
}
