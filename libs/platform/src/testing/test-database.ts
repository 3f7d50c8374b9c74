import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run tests through \`npm test\` (jest global setup starts the services)`);
  return value;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(required('TEST_TEMPLATE_DATABASE_URL'));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template: every test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = new URL(required('TEST_TEMPLATE_DATABASE_URL'));
  const templateName = template.pathname.slice(1);
  const name = `test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        // FILE_COPY copies the template's files whole; the default (WAL_LOG) writes every page through the WAL,
        // three times the time and I/O for a template of ~1,000 small relations. The throwaway cluster runs fsync=off.
        await client.query(`create database ${name} template ${templateName} strategy file_copy`);
        return;
      } catch (error) {
        // Two clones started at the same instant can see each other on the template; retry shortly.
        if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error;
        await new Promise((done) => setTimeout(done, 50 + Math.random() * 100));
      }
    }
  });
  const url = new URL(template);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`).then(() => undefined)),
  };
}

/** Redis is shared by every test file; a unique prefix keeps their keys, queues and channels apart. */
export function testRedisUrl(): string {
  return required('TEST_REDIS_URL');
}

export function uniquePrefix(label = 't'): string {
  return `${label}${randomBytes(5).toString('hex')}`;
}
