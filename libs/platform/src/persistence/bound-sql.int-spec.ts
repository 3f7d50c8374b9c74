import { MikroORM, RequestContext, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { within } from '../testing/within.js';
import { BoundSql } from './bound-sql.js';
import { ormOptions } from './orm-options.js';
import { inRequestContext } from './request-context.js';

describe('BoundSql: hand-written SQL with bind parameters', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let sql: BoundSql;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One connection: a statement that took a second one inside a transaction would wait forever.
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 1 }));
    sql = new BoundSql(orm.em);
    await orm.em.execute(
      `create table bound_sql_probe (id uuid primary key, label text not null, at timestamptz, tags text[], data jsonb)`,
    );
  });

  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('binds each kind of value and reads the rows as em.execute reads them', async () => {
    const id = '0190c4a2-0000-7000-8000-000000000001';
    const at = new Date('2026-12-04T13:30:00.123Z');
    await sql.execute(`insert into bound_sql_probe (id, label, at, tags, data) values (?, ?, ?, ?, ?)`, [
      id,
      "it's a \\ test",
      at,
      ['a', 'b'],
      JSON.stringify({ n: 1 }),
    ]);
    const query = `select id, label, at, tags, data, ?::int + 1 as next from bound_sql_probe where id = ? and label <> ?`;
    const bound = await sql.execute(query, [41, id, 'other']);
    // MikroORM's pool keeps timestamps as text (its entities convert them); the rows are the ones em.execute gives.
    expect(bound).toEqual([
      { id, label: "it's a \\ test", at: '2026-12-04 13:30:00.123+00', tags: ['a', 'b'], data: { n: 1 }, next: 42 },
    ]);
    expect(bound).toEqual(await orm.em.fork().execute(query, [41, id, 'other']));
    expect(
      await sql.execute(`select count(*)::int as n from bound_sql_probe where id = any(?::uuid[])`, [[id]]),
    ).toEqual([{ n: 1 }]);
  });

  it('leaves question marks in strings, identifiers and comments alone, and reads \\? as the jsonb operator', async () => {
    const rows = await sql.execute(
      `select '?' as "what?", ?::text as bound, /* why? */ '{"a": 1}'::jsonb \\? 'a' as has -- and who?
       , ?::int as last`,
      ['yes', 7],
    );
    expect(rows).toEqual([{ 'what?': '?', bound: 'yes', has: true, last: 7 }]);
  });

  it('refuses a statement whose placeholders and values do not match, or that names identifiers with ??', async () => {
    await expect(sql.execute('select ?::int as a, ?::int as b', [1])).rejects.toThrow(/2 placeholders and 1 values/);
    await expect(sql.execute('select ?? from bound_sql_probe', ['id'])).rejects.toThrow(/\(\?\?\) are not supported/);
  });

  it('runs on the unit of work’s connection: it sees the transaction’s rows, which a rollback takes back', async () => {
    const id = '0190c4a2-0000-7000-8000-000000000002';
    const failed = orm.em.fork().transactional(async (em) => {
      await em.execute(`insert into bound_sql_probe (id, label) values (?, 'uncommitted')`, [id]);
      const seen = await within(sql.execute(`select label from bound_sql_probe where id = ?`, [id]), 5_000);
      expect(seen).toEqual([{ label: 'uncommitted' }]);
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    expect(await sql.execute(`select label from bound_sql_probe where id = ?`, [id])).toEqual([]);
  });

  it('joins a request’s transaction, and outside one makes no EntityManager fork for the request', async () => {
    const id = '0190c4a2-0000-7000-8000-000000000004';
    await inRequestContext(orm.em, async () => {
      const forks = () => RequestContext.currentRequestContext()!.map.size;
      expect(await sql.execute(`select label from bound_sql_probe where id = ?`, [id])).toEqual([]);
      expect(forks()).toBe(0);
      const failed = orm.em.transactional(async () => {
        await orm.em.execute(`insert into bound_sql_probe (id, label) values (?, 'uncommitted')`, [id]);
        const seen = await within(sql.execute(`select label from bound_sql_probe where id = ?`, [id]), 5_000);
        expect(seen).toEqual([{ label: 'uncommitted' }]);
        throw new Error('roll back');
      });
      await expect(failed).rejects.toThrow('roll back');
      expect(forks()).toBe(1); // the transaction's own use of the request's EntityManager
    });
    expect(await sql.execute(`select label from bound_sql_probe where id = ?`, [id])).toEqual([]);
  });

  it('throws MikroORM’s exceptions, as em.execute does', async () => {
    const id = '0190c4a2-0000-7000-8000-000000000003';
    await sql.execute(`insert into bound_sql_probe (id, label) values (?, 'first')`, [id]);
    await expect(
      sql.execute(`insert into bound_sql_probe (id, label) values (?, 'again')`, [id]),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
  });
});
