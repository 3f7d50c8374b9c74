import { PostgreSqlConnection, PostgreSqlDriver, type Configuration } from '@mikro-orm/postgresql';

// Kysely's types as MikroORM exposes them (kysely is MikroORM's dependency, not ours).
type PostgresDialect = ReturnType<PostgreSqlConnection['createKyselyDialect']>;
type Driver = ReturnType<PostgresDialect['createDriver']>;
type Connection = Parameters<Driver['releaseConnection']>[0];

/**
 * Kysely gives a transaction's pooled connection back only after a successful `ROLLBACK` or `COMMIT`,
 * and never when `BEGIN` fails. When the server goes away mid-transaction each of those statements
 * fails, the connection is never handed back, the pool shrinks for good and closing it waits forever
 * (docs/adr/0048). This hands it back when `BEGIN` or `ROLLBACK` fails: MikroORM rolls back after
 * any failure, a failed `COMMIT` included, and pg discards a broken client on release so the pool
 * opens a fresh one. A failed `COMMIT` alone keeps the connection: the rollback that follows uses it.
 */
export function releaseOnBrokenTransaction(driver: Driver): Driver {
  const begin = driver.beginTransaction.bind(driver);
  const rollback = driver.rollbackTransaction.bind(driver);
  const releasingOnFailure =
    <A extends unknown[]>(step: (connection: Connection, ...rest: A) => Promise<void>) =>
    async (connection: Connection, ...rest: A) => {
      try {
        await step(connection, ...rest);
      } catch (error) {
        await driver.releaseConnection(connection);
        throw error;
      }
    };
  driver.beginTransaction = releasingOnFailure(begin);
  driver.rollbackTransaction = releasingOnFailure(rollback);
  return driver;
}

class ReleasingPostgreSqlConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: Parameters<PostgreSqlConnection['createKyselyDialect']>[0]): PostgresDialect {
    const dialect = super.createKyselyDialect(overrides);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => releaseOnBrokenTransaction(createDriver());
    return dialect;
  }
}

/** MikroORM's PostgreSQL driver whose connections survive a transaction the server broke off (see above). */
export class ShowrunnerPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // Not connected yet: the connection is opened by MikroORM.init, after the driver is built.
    Object.defineProperty(this, 'connection', { value: new ReleasingPostgreSqlConnection(this.config) });
  }
}
