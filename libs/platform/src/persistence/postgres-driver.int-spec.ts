import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ormOptions } from './orm-options.js';

/** Resolves with the promise, or rejects once `ms` pass: a leaked connection shows as a wait that never ends. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms)),
  ]);

describe('the PostgreSQL driver when BEGIN fails', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: a leaked one would leave the pool empty.
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 1 }));
  });

  afterAll(async () => {
    await within(orm.close(true), 10_000);
    await database.drop();
  });

  it('gives the connection back, so the next transaction runs and the pool still closes', async () => {
    const pool = await orm.em.getConnection().getNativeClient();
    let cut = false;
    // The server "goes away" between checkout and BEGIN, once.
    pool.on('acquire', (client) => {
      if (cut) return;
      cut = true;
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    });
    await expect(orm.em.fork().transactional((em) => em.execute('select 1'))).rejects.toThrow();
    expect(cut).toBe(true);
    const [row] = await within(
      orm.em.fork().transactional((em) => em.execute<Array<{ answer: number }>>('select 42 as answer')),
      5_000,
    );
    expect(row.answer).toBe(42);
  });
});
