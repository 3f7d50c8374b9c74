// `http` (no --read): GET /v1/search/people through the api app and bare Fastify + pg running the identical SQL.
import pg from 'pg';
import { importSource } from '../lib/services.mjs';
import { generatePeople, QUERY_MIX, searchPath } from './people-data.mjs';

export const INDEX_PREFIX = 'bench';

/** Writes the people straight into the index through the PostgreSQL adapter, as the projection would. */
async function seedPeople(databaseUrl, options) {
  const [{ PostgresSearchIndex }, { PEOPLE_INDEX }] = await Promise.all([
    importSource('libs/platform/src/search/postgres/postgres-search-index.ts'),
    importSource('libs/identity/src/application/people-index.ts'),
  ]);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const index = new PostgresSearchIndex(pool, { indexPrefix: INDEX_PREFIX });
    await index.ensureIndex(PEOPLE_INDEX);
    const people = generatePeople(options.users, options.seed);
    const started = performance.now();
    for (let offset = 0; offset < people.length; offset += 500) {
      const result = await index.upsert(PEOPLE_INDEX.name, people.slice(offset, offset + 500));
      if (result.failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const count = await index.count(PEOPLE_INDEX.name);
    if (count !== people.length) throw new Error(`seeded ${people.length} people but the index holds ${count}`);
    // Fresh statistics and visibility map, so autovacuum does not kick in during a round and plans are stable.
    await pool.query('vacuum analyze search.documents');
    await pool.query('vacuum analyze search.words');
    console.log(`  ${count.toLocaleString('en-US')} documents in ${seconds.toFixed(1)} s`);
    return { documents: count, seconds, indexPrefix: INDEX_PREFIX };
  } finally {
    await pool.end();
  }
}

function checkSearchBody(label, body) {
  const { items, total } = JSON.parse(body);
  if (items.length === 0) throw new Error(`${label} finds nobody: the query mix no longer fits the generated data`);
  return { total, bytes: Buffer.byteLength(body) };
}

/** The scenario as `bench http` runs it without --read: anonymous, so no statement check (the SQL is the same text). */
export const peopleScenario = {
  name: 'people',
  route: 'GET /v1/search/people',
  describeData: (options) => `${options.users.toLocaleString('en-US')} people in the search index`,
  baselineScript: new URL('./baseline-server.mjs', import.meta.url),
  seed: seedPeople,
  buildRequests: async () => QUERY_MIX.map(({ label, query }) => ({ label, method: 'GET', path: searchPath(query) })),
  checkBody: checkSearchBody,
};
