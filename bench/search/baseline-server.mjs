// The baseline: bare Fastify 5 + pg serving GET /v1/catalog and GET /v1/catalog/suggest with the search adapter's
// own SQL and row reader, and nothing else (no Nest, CQRS, validation pipe, guards, ORM context, helmet, logging).
import Fastify from 'fastify';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { catalogSearchQuery, suggestQuery } from './catalog-query.mjs';
import { loadLiveIndexVersion } from '../lib/search-index.mjs';

// Pure functions only: loading them through tsx costs start-up time, not per-request time.
const { buildSearchStatement, readSearchRows } = await tsImport(
  '../../libs/platform/src/search/postgres/search-statement.ts',
  import.meta.url,
);

const { DATABASE_URL, PORT = '0', HOST = '127.0.0.1', SEARCH_INDEX_PREFIX = 'showrunner' } = process.env;
if (!DATABASE_URL) throw new Error('DATABASE_URL is required');

// Same pool size as the app's search connection (SearchModule: max 10).
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, idleTimeoutMillis: 10_000 });
pool.on('error', () => undefined);

// CATALOG_INDEX.name; the definition itself is read from the index's stored version, as the adapter does.
const alias = `${SEARCH_INDEX_PREFIX}-catalog`;
const loadLiveVersion = () => loadLiveIndexVersion(pool, alias);
let live = await loadLiveVersion();

async function search(query) {
  const statement = buildSearchStatement(live, query);
  const { rows } = await pool.query({ text: statement.text, values: statement.values });
  if (rows[0].live_physical_name !== live.physicalName) {
    live = await loadLiveVersion(); // nothing rebuilds during a benchmark; keep the adapter's contract anyway
    return undefined;
  }
  return readSearchRows(rows, statement.query);
}

const app = Fastify({ logger: false });

app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/health/ready', async () => {
  await pool.query('select 1');
  return { status: 'ok' };
});

app.get('/v1/catalog', async (request, reply) => {
  const query = catalogSearchQuery(request.query);
  if (!query) return reply.code(400).send({ title: 'Bad request' });
  const result = await search(query);
  if (!result) return reply.code(503).send({ title: 'Index moved, retry' });
  // Same keys, same order as SearchCatalogHandler, so the JSON is byte-identical.
  return {
    items: result.hits.map((hit) => ({ id: hit.id, score: hit.score, ...hit.document })),
    total: result.total,
    totalRelation: result.totalRelation,
    facets: result.facets,
    facetsExhaustive: result.facetsExhaustive,
    ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
  };
});

app.get('/v1/catalog/suggest', async (request, reply) => {
  const query = suggestQuery(request.query);
  if (!query) return reply.code(400).send({ title: 'Bad request' });
  const result = await search(query);
  if (!result) return reply.code(503).send({ title: 'Index moved, retry' });
  // Same keys, same order as SuggestCatalogHandler.
  return {
    items: result.hits.map((hit) => ({
      id: hit.id,
      title: hit.document.title,
      creatorName: hit.document.creatorName,
      channelName: hit.document.channelName,
    })),
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
