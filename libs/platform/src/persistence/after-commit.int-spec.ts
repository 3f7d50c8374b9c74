import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ormOptions } from './orm-options.js';
import { MikroOrmUnitOfWork } from './unit-of-work.js';

describe('after-commit effects of a unit of work', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let observer: pg.Client;
  let unitOfWork: MikroOrmUnitOfWork;

  const insert = (name: string) => orm.em.execute('insert into testing_after_commit.facts (name) values (?)', [name]);
  const committed = async (name: string) =>
    (await observer.query('select 1 from testing_after_commit.facts where name = $1', [name])).rowCount === 1;

  beforeAll(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    await observer.query(`
      create schema testing_after_commit;
      create table testing_after_commit.facts (name text primary key);
      -- A name starting with 'refused' passes the insert and fails the COMMIT.
      create function testing_after_commit.refuse() returns trigger language plpgsql as $$
        begin raise exception 'refused at commit'; end $$;
      create constraint trigger refuse_at_commit after insert on testing_after_commit.facts
        deferrable initially deferred for each row when (new.name like 'refused%') execute function testing_after_commit.refuse();`);
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 4 }));
    unitOfWork = new MikroOrmUnitOfWork(orm.em);
  });

  afterAll(async () => {
    await orm.close(true);
    await observer.end();
    await database.drop();
  });

  it('runs an effect once the transaction has committed, when its writes are visible to others', async () => {
    const seen: boolean[] = [];
    await unitOfWork.transactional(async () => {
      await insert('a');
      unitOfWork.afterCommit(async () => {
        seen.push(await committed('a'));
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([true]);
  });

  it('drops the effects of a transaction whose COMMIT fails', async () => {
    const effects: string[] = [];
    await expect(
      unitOfWork.transactional(async () => {
        await insert('refused-1');
        unitOfWork.afterCommit(() => void effects.push('announced'));
      }),
    ).rejects.toThrow(/refused at commit/);
    expect(effects).toEqual([]);
    expect(await committed('refused-1')).toBe(false);
  });

  it('holds a nested unit of work’s effects until the outer commit, and drops those of a nested one that failed', async () => {
    const effects: string[] = [];
    await unitOfWork.transactional(async () => {
      await unitOfWork.transactional(async () => {
        await insert('b');
        unitOfWork.afterCommit(() => void effects.push('inner'));
      });
      await unitOfWork
        .transactional(async () => {
          unitOfWork.afterCommit(() => void effects.push('rolled back'));
          throw new Error('inner failure');
        })
        .catch(() => undefined);
      expect(effects).toEqual([]);
      unitOfWork.afterCommit(() => void effects.push('outer'));
    });
    expect(effects).toEqual(['inner', 'outer']);
  });

  it('keeps committed work committed when an effect fails', async () => {
    await expect(
      unitOfWork.transactional(async () => {
        await insert('c');
        unitOfWork.afterCommit(() => {
          throw new Error('the push failed');
        });
        return 'done';
      }),
    ).resolves.toBe('done');
    expect(await committed('c')).toBe(true);
  });

  it('refuses an effect outside any transaction instead of running it early', () => {
    expect(() => unitOfWork.afterCommit(() => undefined)).toThrow(/needs a transaction/);
  });
});
