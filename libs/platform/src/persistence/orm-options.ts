import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { declaredSqlOnlyTables } from './persistence.module.js';
import { ShowrunnerPostgreSqlDriver } from './postgres-driver.js';

export interface OrmOptionsInput {
  databaseUrl: string;
  entities?: EntitySchema[];
  migrations?: MigrationObject[];
  /** Connections per process; the API and the worker each hold one pool. */
  poolMax?: number;
  /** How long a query waits for a pooled connection (pg's connectionTimeoutMillis, also the connect timeout). */
  poolAcquireTimeoutMs?: number;
  /** How long an idle pooled connection stays open (pg-pool's idleTimeoutMillis; 0: for good). */
  poolIdleTimeoutMs?: number;
  debug?: boolean;
}

/**
 * One place for MikroORM settings, shared by the apps, the CLI and the tests.
 * Entities are mapped with EntitySchema so domain classes stay free of ORM decorators.
 */
export function ormOptions(input: OrmOptionsInput): Options {
  return defineConfig({
    driver: ShowrunnerPostgreSqlDriver,
    clientUrl: input.databaseUrl,
    entities: input.entities ?? [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    // Open through a minute of quiet: a burst after pg's default 10 s paid for new connections (ADR 0080).
    pool: { min: 0, max: input.poolMax ?? 10, idleTimeoutMillis: input.poolIdleTimeoutMs ?? 60_000 },
    // Without it a pool whose connections are all held by waiters of each other froze for good (ADR 0077).
    driverOptions: { connectionTimeoutMillis: input.poolAcquireTimeoutMs ?? 10_000 },
    forceUtcTimezone: true,
    debug: input.debug ?? false,
    // Writes only happen through explicit flushes/transactions; reads never open one implicitly.
    implicitTransactions: false,
    // What migrations create by hand and no entity maps must never be drafted away by migration:create.
    schemaGenerator: {
      ignoreSchema: ['search'], // the search adapter's own storage
      skipTables: ['platform.inbox', ...declaredSqlOnlyTables()],
      ignoreTriggers: true,
      ignoreRoutines: true,
    },
    migrations: {
      tableName: 'platform.schema_migrations',
      path: 'migrations',
      pathTs: 'migrations',
      emit: 'ts',
      // Migrations are bundled into each app, so they are listed rather than globbed from disk.
      migrationsList: input.migrations ?? [],
      snapshot: false,
      dropTables: false,
      transactional: true,
      allOrNothing: true,
    },
  });
}
