// `npm run bench -- recs`: recommendations (ADR 0044). 50,000 people, 20,000 videos and 2 M interactions generated
// with taste groups and a popularity skew; the neighbour job's time and memory over that backlog and over an
// increment; p95 of GET /v1/recommendations warm (cached) and cold (cache forgotten before each request) against
// reading a precomputed list straight from Redis, same run, rounds interleaved.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { numberReader, step } from './lib/cli.mjs';
import { cpuLayout, describeMachine, pinThisProcess, startChild, waitForHttp } from './lib/processes.mjs';
import { bareExecutor, importSource, startServices } from './lib/services.mjs';
import { fixed, table, thousands, writeResults } from './lib/report.mjs';
import { median } from './lib/stats.mjs';
import { closedLoop } from './lib/load.mjs';

export const description = 'GET /v1/recommendations warm and cold vs a precomputed list in Redis; the neighbour job';

export const usage = `Options:
  --people N         people (default 50000; --quick 5000)
  --videos N         published videos (default 20000; --quick 2000)
  --interactions N   generated interactions (default 2000000; --quick 200000)
  --increment N      new interactions folded in by the measured incremental run (default 10000; --quick 2000)
  --connections N    concurrent readers per side, closed model (default 1: latency, not saturation)
  --duration S       seconds per measured round (default 10; --quick 3)
  --rounds N         measured rounds per side, interleaved (default 3; --quick 1)
  --quick            smoke run with smaller numbers
  --no-pin           do not pin the app to core 0 and the load generator + services to core 1
  --no-build         reuse dist/apps/standalone/main.js instead of running \`nest build standalone\``;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';
const CATEGORIES = 20;
const CREATORS = 2_000;
const COUNT = 20;
const PREFIX = 'showrunner';

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string' },
      videos: { type: 'string' },
      interactions: { type: 'string' },
      increment: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  return {
    people: number('people', quick ? 5_000 : 50_000, 100),
    videos: number('videos', quick ? 2_000 : 20_000, CATEGORIES * 10),
    interactions: number('interactions', quick ? 200_000 : 2_000_000, 1_000),
    increment: number('increment', quick ? 2_000 : 10_000, 1),
    connections: number('connections', 1, 1),
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    pin: !values['no-pin'],
    build: !values['no-build'],
  };
}

/**
 * Videos in 20 categories (video i is category i % 20) by 2,000 creators; person j prefers category j % 20
 * (80% of their interactions), active people and popular videos are skewed (squares and cubes of uniforms).
 */
async function seed(pool, options) {
  await pool.query(
    `insert into engagement.trend_videos (video_id, channel_id, creator_id, title, language, category, status, studio_version,
       tags, description, duration_seconds, published_at, features_at)
     select md5('v' || i)::uuid, md5('ch' || (i % $2))::uuid, md5('c' || (i % $2))::uuid, 'Episode ' || i, 'en',
            'cat-' || (i % ${CATEGORIES}), 'published', 1, array['cat-' || (i % ${CATEGORIES}), 'tag-' || (i % 97)],
            'About topic ' || (i % 211), 600, now() - random() * interval '60 days', now()
       from generate_series(0, $1 - 1) i`,
    [options.videos, CREATORS],
  );
  await pool.query(
    `insert into engagement.watchable_videos (video_id, channel_id, creator_id, title, access_level, early_access_days,
       published_at, duration_seconds, status, studio_version)
     select video_id, channel_id, creator_id, title, case when random() < 0.1 then 'ad_free' else 'free' end, null,
            published_at, 600, 'published', 1 from engagement.trend_videos`,
  );
  const perCategory = Math.floor(options.videos / CATEGORIES);
  // Transactions the size the app writes them in (small): the neighbour job folds whole transactions, so one
  // seeded transaction of 2 M rows would be one batch of 2 M, which no real backlog looks like.
  const batch = 5_000;
  for (let done = 0; done < options.interactions; done += batch) {
    await pool.query(
      `insert into engagement.rec_signals (person_id, video_id, kind, source_key, value, event_id, occurred_at)
       select md5('p' || j)::uuid, md5('v' || (k * ${CATEGORIES} + c))::uuid,
              (array['view', 'like', 'completion', 'view'])[1 + floor(random() * 4)::int], '', 1, gen_random_uuid(),
              now() - random() * interval '30 days'
         from (select floor($1 * random() ^ 2)::int as j, random() as r, random() as taste from generate_series(1, $2)) s
         cross join lateral (select case when s.taste < 0.8 then s.j % ${CATEGORIES} else floor(random() * ${CATEGORIES})::int end as c,
                                    floor($3 * random() ^ 3)::int as k) v
       on conflict do nothing`,
      [options.people, Math.min(batch, options.interactions - done), perCategory],
    );
  }
  await pool.query('vacuum analyze');
  const [{ count }] = (await pool.query(`select count(*)::int as count from engagement.rec_signals`)).rows;
  return { signals: count };
}

/** One neighbour run through the app's own code and SQL (bare connection), with its time and peak memory. */
async function neighbourRun(pool, RefreshNeighbours, SqlNeighbourStore) {
  const client = await pool.connect();
  try {
    const store = new SqlNeighbourStore(bareExecutor(client));
    const unitOfWork = {
      async transactional(work) {
        await client.query('begin');
        try {
          const result = await work();
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
      },
    };
    const job = new RefreshNeighbours(store, { forget: async () => {} }, unitOfWork, {
      recommendations: { coWatchPartners: 50 },
    });
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
    const started = performance.now();
    // A run stops after its time budget; the bench runs until the backlog is folded in.
    const result = { signals: 0, batches: 0 };
    for (let more = true; more;) {
      const step = await job.run();
      result.signals += step.signals;
      result.batches += step.batches;
      more = step.more;
    }
    const ms = performance.now() - started;
    clearInterval(sampler);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    return { ms, peakHeapMiB: (peakHeap - before.heapUsed) / 2 ** 20, ...result };
  } finally {
    client.release();
  }
}

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `recs benchmark: ${thousands(options.people)} people, ${thousands(options.videos)} videos, ${thousands(options.interactions)} interactions generated`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) {
    step('building the app (nest build standalone: api and worker in one process)');
    const result = spawnSync(`${BIN}/nest`, ['build', 'standalone'], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nest build standalone failed:\n${result.stdout}${result.stderr}`);
  } else if (!existsSync(`${ROOT}dist/apps/standalone/main.js`))
    throw new Error('dist/apps/standalone/main.js is missing: drop --no-build');

  step('starting embedded PostgreSQL and redis-server, migrating, seeding');
  const services = await startServices();
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: options.connections + 2 });
  pool.on('error', () => {}); // an idle client losing PostgreSQL at cleanup is not the benchmark's failure
  let started = performance.now();
  const seeded = await seed(pool, options);
  console.log(
    `  ${thousands(seeded.signals)} distinct signals in ${fixed((performance.now() - started) / 1_000, 1)} s`,
  );

  const { RefreshNeighbours } = await importSource(
    'libs/engagement/src/application/recommendations/refresh-neighbours/refresh-neighbours.ts',
  );
  const { SqlNeighbourStore } = await importSource(
    'libs/engagement/src/infrastructure/recommendations/sql-neighbour-store.ts',
  );
  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');

  step('neighbour job over the whole backlog (a cold build), then over an increment');
  const backlog = await neighbourRun(pool, RefreshNeighbours, SqlNeighbourStore);
  console.log(
    `  backlog: ${thousands(backlog.signals)} signals (${backlog.batches} batches) in ${fixed(backlog.ms / 1_000, 1)} s, heap +${fixed(backlog.peakHeapMiB, 0)} MiB`,
  );
  await pool.query(
    `insert into engagement.rec_signals (person_id, video_id, kind, source_key, value, event_id, occurred_at)
     select md5('p' || floor($1 * random())::int)::uuid, md5('v' || floor($2 * random())::int)::uuid, 'like', '', 1,
            gen_random_uuid(), now()
       from generate_series(1, $3)
     on conflict do nothing`,
    [options.people, options.videos, options.increment],
  );
  const increment = await neighbourRun(pool, RefreshNeighbours, SqlNeighbourStore);
  console.log(
    `  increment: ${thousands(increment.signals)} signals in ${fixed(increment.ms, 0)} ms, heap +${fixed(increment.peakHeapMiB, 0)} MiB`,
  );

  step('starting the app');
  const tokens = new AccessTokens({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 6 * 3600 } });
  const port = await freePort();
  const app = startChild('standalone app', process.execPath, ['dist/apps/standalone/main.js'], {
    cwd: ROOT,
    core: layout.pinned ? layout.serverCore : undefined,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: PREFIX,
      JWT_SECRET,
      DATA_DIR: `${services.root}/app-data`,
      RECS_CACHE_TTL_SECONDS: '600',
      RECS_NEIGHBOURS_EVERY_SECONDS: '3600',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, app, 60_000);
  const redis = new Redis(services.redisUrl);

  // Readers: people with history, among the active ones.
  const readers = (
    await pool.query(`select distinct person_id from engagement.rec_signals where person_id in (
                        select md5('p' || j)::uuid from generate_series(0, 999) j) limit 200`)
  ).rows.map((row) => ({
    id: row.person_id,
    token: tokens.issue({ userId: row.person_id, roles: ['member'], sessionId: randomUUID() }).token,
  }));
  const ask = async (reader) => {
    const response = await fetch(`${url}/v1/recommendations?count=${COUNT}`, {
      headers: { authorization: `Bearer ${reader.token}` },
    });
    const body = await response.json();
    if (response.status !== 200)
      throw new Error(`GET /v1/recommendations answered ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  // The baseline's lists: what the app answered, precomputed into plain Redis keys.
  for (const reader of readers) await redis.set(`bench:list:${reader.id}`, JSON.stringify((await ask(reader)).items));
  let turn = 0;
  const next = () => readers[turn++ % readers.length];
  const workers = {
    'Redis GET of a precomputed list': async () => JSON.parse(await redis.get(`bench:list:${next().id}`)),
    'app, warm (cached)': async () => ask(next()),
    'app, cold (cache forgotten first)': async () => {
      const reader = next();
      await redis.del(`${PREFIX}:recs:${reader.id}`);
      return ask(reader);
    },
  };
  step(`reads: warm-up, then ${options.rounds} × ${options.duration} s per side, ${options.connections} readers`);
  const reads = Object.fromEntries(Object.keys(workers).map((name) => [name, []]));
  for (const worker of Object.values(workers)) await closedLoop(options.connections, 2, worker);
  for (let round = 1; round <= options.rounds; round++)
    for (const [name, worker] of Object.entries(workers)) {
      const result = await closedLoop(options.connections, options.duration, worker);
      reads[name].push(result);
      console.log(
        `  round ${round}  ${name.padEnd(34)} ${thousands(result.perSecond)} req/s, p50 ${fixed(result.p50, 2)} ms, p95 ${fixed(result.p95, 2)} ms${result.errors ? `, ${result.errors} errors` : ''}`,
      );
    }
  const p95 = (name) => median(reads[name].map((r) => r.p95));
  const baseline = p95('Redis GET of a precomputed list');
  console.log(
    `\n${table([
      ['', 'p95', 'vs Redis list', 'target'],
      ...Object.keys(workers).map((name) => [
        name,
        `${fixed(p95(name), 2)} ms`,
        `${fixed(p95(name) / baseline, 1)}×`,
        name.startsWith('app') ? '< 50 ms' : '',
      ]),
      [
        'neighbour job, whole backlog',
        `${fixed(backlog.ms / 1_000, 1)} s`,
        `heap +${fixed(backlog.peakHeapMiB, 0)} MiB`,
        '',
      ],
      [
        `neighbour job, ${thousands(options.increment)} new signals`,
        `${fixed(increment.ms, 0)} ms`,
        `heap +${fixed(increment.peakHeapMiB, 0)} MiB`,
        '',
      ],
    ])}`,
  );
  redis.disconnect();
  await pool.end();
  const file = writeResults('recs', { startedAt, machine, layout, options, seeded, backlog, increment, reads });
  console.log(`results: ${file}`);
  return 0;
}
