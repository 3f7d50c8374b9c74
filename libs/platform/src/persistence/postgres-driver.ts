import { PostgreSqlConnection, PostgreSqlDriver, type Configuration } from '@mikro-orm/postgresql';

// Kysely's types as MikroORM exposes them (kysely is MikroORM's dependency, not ours).
type PostgresDialect = ReturnType<PostgreSqlConnection['createKyselyDialect']>;
type Driver = ReturnType<PostgresDialect['createDriver']>;

/**
 * Kysely's transaction builder takes a pooled connection and runs `BEGIN`; when `BEGIN` fails (the
 * server went away between checkout and it) nothing gives the connection back, so the pool shrinks
 * for good and closing it waits forever (docs/adr/0048). This hands it back on that failure; pg
 * discards a broken client on release, so the pool opens a fresh one.
 */
export function releaseOnFailedBegin(driver: Driver): Driver {
  const begin = driver.beginTransaction.bind(driver);
  driver.beginTransaction = async (...[connection, settings]: Parameters<Driver['beginTransaction']>) => {
    try {
      await begin(connection, settings);
    } catch (error) {
      await driver.releaseConnection(connection);
      throw error;
    }
  };
  return driver;
}

class ReleasingPostgreSqlConnection extends PostgreSqlConnection {
  override createKyselyDialect(overrides: Parameters<PostgreSqlConnection['createKyselyDialect']>[0]): PostgresDialect {
    const dialect = super.createKyselyDialect(overrides);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => releaseOnFailedBegin(createDriver());
    return dialect;
  }
}

/** MikroORM's PostgreSQL driver with connections that survive a failed `BEGIN` (see above). */
export class ShowrunnerPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // Not connected yet: the connection is opened by MikroORM.init, after the driver is built.
    Object.defineProperty(this, 'connection', { value: new ReleasingPostgreSqlConnection(this.config) });
  }
}
