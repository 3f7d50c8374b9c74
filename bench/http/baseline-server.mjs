// The baseline: bare Fastify 5 + pg serving GET /v1/search/people with the adapter's own SQL and row reader,
// and nothing else (no Nest, CQRS, validation pipe, guards, ORM request context, helmet, logging, metrics).
import Fastify from 'fastify';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { loadLiveIndexVersion } from '../lib/search-index.mjs';

// Pure functions only: loading them through tsx costs start-up time, not per-request time.
const { buildSearchStatement, readSearchRows } = await tsImport(
  '../../libs/platform/src/search/postgres/search-statement.ts',
  import.meta.url,
);
const { PEOPLE_INDEX } = await tsImport('../../libs/identity/src/application/people-index.ts', import.meta.url);

const { DATABASE_URL, PORT = '0', HOST = '127.0.0.1', SEARCH_INDEX_PREFIX = 'showrunner' } = process.env;
if (!DATABASE_URL) throw new Error('DATABASE_URL is required');

// Same pool size as the app's search connection (SearchModule: max 10).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, idleTimeoutMillis: 10_000 });
pool.on('error', () => undefined);

const alias = `${SEARCH_INDEX_PREFIX}-${PEOPLE_INDEX.name}`;
const loadLiveVersion = () => loadLiveIndexVersion(pool, alias);
let live = await loadLiveVersion();

const app = Fastify({ logger: false });

app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/health/ready', async () => {
  await pool.query('select 1');
  return { status: 'ok' };
});

app.get('/v1/search/people', async (request, reply) => {
  const { q, mode = 'full', role, limit = '20', cursor } = request.query;
  const pageSize = Number(limit);
  if ((mode !== 'full' && mode !== 'autocomplete') || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return reply.code(400).send({ title: 'Bad request' });
  }
  const search = {
    text: q?.trim() || undefined,
    mode,
    filters: role ? { roles: role } : undefined,
    facets: ['roles'],
    limit: pageSize,
    cursor,
  };
  const statement = buildSearchStatement(live, search);
  const { rows } = await pool.query({ text: statement.text, values: statement.values });
  if (rows[0].live_physical_name !== live.physicalName) {
    live = await loadLiveVersion(); // nothing rebuilds during a benchmark; keep the adapter's contract anyway
    return reply.code(503).send({ title: 'Index moved, retry' });
  }
  const result = readSearchRows(rows, statement.query);
  // Same keys, same order as SearchPeopleHandler, so the JSON is byte-identical.
  return {
    items: result.hits.map((hit) => ({
      id: hit.id,
      handle: hit.document.handle,
      displayName: hit.document.displayName,
      bio: hit.document.bio,
      avatarUrl: hit.document.avatarUrl,
      score: hit.score,
    })),
    total: result.total,
    totalRelation: result.totalRelation,
    facets: result.facets,
    facetsExhaustive: result.facetsExhaustive,
    nextCursor: result.nextCursor,
  };
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ port: Number(PORT), host: HOST });
