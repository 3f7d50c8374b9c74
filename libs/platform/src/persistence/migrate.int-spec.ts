import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

describe('a test database cloned from the migrated template', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('already holds the platform outbox and inbox tables', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `select table_name from information_schema.tables where table_schema = 'platform' order by table_name`,
    );
    await client.end();
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['inbox', 'outbox', 'schema_migrations']));
  });
});
