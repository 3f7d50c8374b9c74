import type { MigrationObject } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormOptions } from './orm-options.js';

export interface MigrationReport {
  applied: string[];
}

/** Applies every pending migration in one transaction (all or nothing). */
export async function migrateDatabase(
  databaseUrl: string,
  migrations: MigrationObject[],
  options: { silent?: boolean } = {},
): Promise<MigrationReport> {
  // The migrations table lives in the platform schema, which must exist before the migrator looks for it.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create schema if not exists platform');
  } finally {
    await client.end();
  }
  const base = ormOptions({ databaseUrl, migrations, poolMax: 2 });
  const orm = await MikroORM.init({ ...base, migrations: { ...base.migrations, silent: options.silent ?? false } });
  try {
    const applied = await orm.migrator.up();
    return { applied: applied.map((m) => m.name) };
  } finally {
    await orm.close(true);
  }
}
