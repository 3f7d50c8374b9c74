import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ormOptions } from './orm-options.js';
import { inRequestContext } from './request-context.js';

describe('a request context that forks on first use', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(ormOptions({ databaseUrl: database.url, poolMax: 2 }));
  });

  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('forks nothing until the work asks for its EntityManager, then always the same fork', async () => {
    await inRequestContext(orm.em, async () => {
      const context = RequestContext.currentRequestContext()!;
      expect(context).toBeDefined();
      expect(context.map.size).toBe(0);
      const fork = orm.em.getContext();
      expect(fork).not.toBe(orm.em);
      expect(context.map.size).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(orm.em.getContext()).toBe(fork);
      expect(RequestContext.getEntityManager()).toBe(fork);
    });
  });

  it('gives concurrent requests their own forks, and none outside a request', async () => {
    const forks = await Promise.all(
      [1, 2, 3].map(() =>
        inRequestContext(orm.em, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          return orm.em.getContext();
        }),
      ),
    );
    expect(new Set(forks).size).toBe(3);
    expect(RequestContext.currentRequestContext()).toBeUndefined();
    expect(await inRequestContext(orm.em, () => orm.em.getContext().execute('select 1 as one'))).toEqual([{ one: 1 }]);
  });
});
