import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { within } from '../testing/within.js';
import { ormOptions } from './orm-options.js';

/** The server "goes away" under this pooled client: its socket is destroyed. */
const cutOff = (client: unknown) =>
  (client as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

describe('the PostgreSQL driver when the server goes away around a transaction', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  /** The client the next transaction checks out. */
  let nextClient: Promise<unknown>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: a leaked one would leave the pool empty, and the next transaction would wait forever.
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 1 }));
  });

  beforeEach(async () => {
    const pool = await orm.em.getConnection().getNativeClient();
    nextClient = new Promise((resolve) => pool.once('acquire', resolve));
  });

  afterAll(async () => {
    await within(orm.close(true), 10_000);
    await database.drop();
  });

  /** A transaction on the pool's one connection still runs. */
  const stillAnswers = async () => {
    const [row] = await within(
      orm.em.fork().transactional((em) => em.execute<Array<{ answer: number }>>('select 42 as answer')),
      5_000,
    );
    expect(row.answer).toBe(42);
  };

  it('gives the connection back when BEGIN fails (between checkout and BEGIN)', async () => {
    const pool = await orm.em.getConnection().getNativeClient();
    pool.once('acquire', cutOff); // registered after beforeEach's listener: runs before BEGIN is sent
    await expect(orm.em.fork().transactional((em) => em.execute('select 1'))).rejects.toThrow();
    await stillAnswers();
  });

  it('gives the connection back when a statement fails and ROLLBACK cannot be sent', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        cutOff(await nextClient);
        await em.execute('select 1');
      }),
    ).rejects.toThrow();
    await stillAnswers();
  });

  it('gives the connection back when COMMIT cannot be sent', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        await em.execute('select 1');
        cutOff(await nextClient);
      }),
    ).rejects.toThrow();
    await stillAnswers();
  });
});
