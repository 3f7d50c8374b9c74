import { MikroORM } from '@mikro-orm/postgresql';
import { declaredEntities, ormOptions, OutboxMessageSchema } from '@lib/platform';
import { createTestDatabase, type TestDatabase } from '@lib/platform/testing';
import '../../apps/contexts.js';

/** The migrations are hand-written SQL; the ORM mappings must describe exactly the same tables. */
describe('migrations and entity mappings', () => {
  let database: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await MikroORM.init(
      ormOptions({ databaseUrl: database.url, entities: [OutboxMessageSchema, ...declaredEntities()] }),
    );
  });
  afterAll(async () => {
    await orm.close(true);
    await database.drop();
  });

  it('agree: a schema diff of the migrated database finds nothing to change', async () => {
    // The same diff `npm run migration:create` drafts from.
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: false });
    expect(sql.trim()).toBe('');
  });
});
