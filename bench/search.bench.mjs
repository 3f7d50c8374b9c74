// `npm run bench -- search`: catalog search and autocomplete through the full api app (candidate) vs bare
// Fastify + pg running the adapter's identical SQL (baseline), at a fixed arrival rate (open model), same data,
// same machine, same run. See bench/README.md.
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import { generateVideos, requestMix, requestPath } from './search/catalog-data.mjs';
import { catalogSearchQuery, suggestQuery } from './search/catalog-query.mjs';
import { measureCoreBusy, measureIdleCpu, runOpenRound } from './lib/load.mjs';
import {
  buildApi,
  cpuLayout,
  describeMachine,
  onCleanup,
  pinThisProcess,
  startServer,
  waitForHttp,
} from './lib/processes.mjs';
import { apiAppEnv, importSource, startServices } from './lib/services.mjs';
import { median } from './lib/stats.mjs';
import { fixed, percent, signed, table, thousands, writeResults } from './lib/report.mjs';
import { numberReader, step } from './lib/cli.mjs';

export const description =
  'GET /v1/catalog (+ /suggest) at a fixed arrival rate: full Nest app vs bare Fastify + pg on the same SQL';

export const usage = `Options:
  --videos N        published videos seeded into the catalog index (default 100000; --quick 5000)
  --rate R          requests per second, open model, searches and autocompletes together (default 167 = 10,000/min)
  --duration S      seconds per measured round (default 10; --quick 4)
  --rounds N        measured rounds per server, interleaved B,C,B,C… (default 3; --quick 1)
  --warmup S        seconds of the discarded warm-up round per server (default 5; --quick 2)
  --connections N   most keep-alive connections the load generator opens per server (default 128)
  --quick           smoke run: 5000 videos, 2 s warm-up, one 4 s round each
  --no-pin          do not pin servers to core 0 and the load generator + services to core 1
  --no-build        reuse dist/apps/api/main.js instead of running \`nest build api\`
  --log-level L     the app's LOG_LEVEL (default warn; info logs one line per request)
  --explain         also EXPLAIN (ANALYZE, BUFFERS) each request's statement, with and without facet counts
  --seed N          data generator seed (default 20261203)`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const INDEX_PREFIX = 'bench';
// Issue 16: at 10,000 searches a minute, search p95 < 50 ms through the API and ≤ 2× the same SQL run bare;
// autocomplete p95 < 20 ms.
const TARGETS = { searchP95Ms: 50, searchP95Ratio: 2, suggestP95Ms: 20 };
const LOAD_GENERATOR_LAG_LIMIT_MS = 5;
const ROLES = ['baseline', 'candidate'];
const KINDS = ['search', 'suggest'];

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      videos: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      seed: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
      explain: { type: 'boolean', default: false },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  return {
    quick,
    videos: number('videos', quick ? 5_000 : 100_000, 100),
    rate: number('rate', 167, 1),
    duration: number('duration', quick ? 4 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    warmup: number('warmup', quick ? 2 : 5, 0),
    connections: number('connections', 128, 1),
    pin: !values['no-pin'],
    build: !values['no-build'],
    seed: number('seed', 20261203, 0),
    logLevel: values['log-level'],
    explain: values.explain,
  };
}

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  // Before pinning: afterwards this process sees a single core.
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  // Before anything starts: PostgreSQL, Redis and the build inherit the load generator's core.
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `search benchmark: ${options.videos.toLocaleString('en-US')} videos, open model at ${options.rate} req/s, ` +
      `${options.rounds} × ${options.duration} s rounds per server after a ${options.warmup} s warm-up`,
  );
  console.log(
    layout.pinned
      ? `pinning: servers on core ${layout.serverCore}; load generator, PostgreSQL and Redis on core ${layout.loadCore}`
      : `pinning: off (${layout.reason})`,
  );

  const background = await measureCoreBusy(1_000);
  console.log(
    `machine before the run: ${
      Object.entries(background)
        .map(([core, share]) => `${core} ${percent(share)} busy`)
        .join(', ') || 'n/a'
    }`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) buildApi(env);
  else if (!existsSync(`${ROOT}dist/apps/api/main.js`))
    throw new Error('dist/apps/api/main.js is missing: drop --no-build');

  step('starting embedded PostgreSQL and redis-server, migrating');
  const services = await startServices();

  step(`seeding ${options.videos.toLocaleString('en-US')} published videos into the catalog index`);
  const seeded = await seedVideos(services.databaseUrl, options);

  step('starting the api app and the baseline');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const [appPort, baselinePort] = [await freePort(), await freePort()];
  const serverEnv = {
    ...env,
    HOST: '127.0.0.1',
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    DATABASE_URL: services.databaseUrl,
  };
  const servers = {
    baseline: startServer(
      'baseline',
      [fileURLToPath(new URL('./search/baseline-server.mjs', import.meta.url))],
      baselinePort,
      serverEnv,
      layout,
    ),
    candidate: startServer(
      'api app',
      ['dist/apps/api/main.js'],
      appPort,
      { ...serverEnv, ...apiAppEnv(services, options.logLevel) },
      layout,
    ),
  };
  await Promise.all(
    Object.values(servers).map((server) => waitForHttp(`${server.url}/health/ready`, server.child, 60_000)),
  );

  const mix = requestMix(seeded.topCreatorHandle);
  step('checking that both servers return the same JSON for every request of the mix');
  const verification = await verifySameBodies(servers, mix);
  console.log(
    `  ${verification.identical}/${mix.length} byte-identical, ${verification.equal - verification.identical} deep-equal`,
  );

  step('each request alone (no load), median of 3 per server');
  const unloaded = await timeEachAlone(servers, mix);
  console.log(indent(renderUnloaded(mix, unloaded, verification.hits)));

  let explained;
  if (options.explain) {
    step('EXPLAIN (ANALYZE, BUFFERS) of each statement, warm, with and without the facet counts');
    explained = await explainMix(services.databaseUrl, mix);
    console.log(indent(renderExplained(mix, explained)));
  }

  const requests = mix.map((entry) => ({ kind: entry.kind, path: requestPath(entry) }));
  const otherServer = (server) => Object.values(servers).find((other) => other !== server);
  const monitor = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  onCleanup('close the database monitor', () => monitor.end());
  const load = async (server, duration) => {
    const result = await runOpenRound({
      url: server.url,
      requests,
      rate: options.rate,
      duration,
      connections: options.connections,
      serverPid: server.child.pid,
      otherPids: [otherServer(server).child.pid],
    });
    // Requests the load generator gave up on still run in the server: their queries must not land in the next round.
    result.drainSeconds = await waitForIdleDatabase(monitor);
    if (result.drainSeconds > 1)
      console.log(`  (the database worked off a backlog for ${fixed(result.drainSeconds, 1)} s)`);
    return result;
  };

  if (options.warmup > 0) {
    step(`warm-up (${options.warmup} s each, discarded)`);
    await load(servers.baseline, options.warmup);
    await load(servers.candidate, options.warmup);
  }

  // At a low rate the app's background timers and pollers would dominate its CPU per request.
  const idleMs = options.quick ? 2_000 : 5_000;
  step(`idle CPU of each server (${idleMs / 1000} s, no requests), subtracted from server CPU ms/request`);
  const idleCpu = {};
  for (const role of ROLES) {
    idleCpu[role] = await measureIdleCpu(servers[role].child.pid, idleMs);
    console.log(`  ${role.padEnd(9)} ${fixed((idleCpu[role] ?? NaN) * 100, 1)}% of a core`);
  }
  for (const role of ROLES) idleCpu[role] ??= 0;

  step(`measuring at ${options.rate} req/s (interleaved)`);
  const rounds = { baseline: [], candidate: [] };
  for (let round = 1; round <= options.rounds; round++) {
    // B, C then C, B: neither server always follows the other (the database's caches, autovacuum).
    const order = round % 2 === 1 ? ROLES : [...ROLES].reverse();
    for (const role of order) {
      const result = await load(servers[role], options.duration);
      rounds[role].push(result);
      console.log(`  round ${round}/${options.rounds}  ${roundLine(role, result)}`);
    }
  }

  const summary = summarize(rounds, layout, options, idleCpu);
  if (Object.values(background).some((share) => share > 0.2)) {
    const busy = Object.entries(background)
      .map(([core, share]) => `${core} ${percent(share)}`)
      .join(', ');
    summary.warnings.push(`other processes kept the machine busy before the run (${busy}): expect noise`);
  }
  console.log(`\n${renderSummary(summary, options)}`);
  for (const warning of summary.warnings) console.log(`WARNING: ${warning}`);

  const file = writeResults('search', {
    benchmark: 'search',
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- search ${argv.join(' ')}`.trim(),
    machine,
    options,
    pinning: layout,
    backgroundLoad: background,
    seeded,
    requestMix: mix.map((entry) => ({ kind: entry.kind, label: entry.label, path: requestPath(entry) })),
    verification,
    unloaded,
    explained,
    idleCpu,
    rounds,
    summary,
  });
  console.log(`\nresults: ${file.slice(ROOT.length)}`);
  return 0;
}

/** Writes the videos straight into the catalog index through the PostgreSQL adapter, as studio's projection would. */
async function seedVideos(databaseUrl, options) {
  const [{ PostgresSearchIndex }, { CATALOG_INDEX }] = await Promise.all([
    importSource('libs/platform/src/search/postgres/postgres-search-index.ts'),
    importSource('libs/studio/src/application/catalog/catalog-index.ts'),
  ]);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const index = new PostgresSearchIndex(pool, { indexPrefix: INDEX_PREFIX });
    await index.ensureIndex(CATALOG_INDEX);
    const { videos, topCreatorHandle } = generateVideos(options.videos, options.seed);
    const started = performance.now();
    for (let offset = 0; offset < videos.length; offset += 500) {
      const result = await index.upsert(CATALOG_INDEX.name, videos.slice(offset, offset + 500));
      if (result.failed.length > 0) throw new Error(`seeding failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const count = await index.count(CATALOG_INDEX.name);
    if (count !== videos.length) throw new Error(`seeded ${videos.length} videos but the index holds ${count}`);
    // Fresh statistics and visibility map, so autovacuum does not kick in during a round and plans are stable.
    await pool.query('vacuum analyze search.documents');
    await pool.query('vacuum analyze search.words');
    const { rows } = await pool.query(
      `select pg_size_pretty(pg_total_relation_size('search.documents')) as documents,
              (select count(*)::int from search.words) as words`,
    );
    console.log(
      `  ${count.toLocaleString('en-US')} documents in ${seconds.toFixed(1)} s; search.documents ${rows[0].documents}, ` +
        `${rows[0].words.toLocaleString('en-US')} distinct words`,
    );
    return { documents: count, seconds, indexPrefix: INDEX_PREFIX, topCreatorHandle, tableSize: rows[0].documents };
  } finally {
    await pool.end();
  }
}

/** Both servers must answer every request of the mix with the same JSON (and at least one hit). */
async function verifySameBodies(servers, mix) {
  let identical = 0;
  let equal = 0;
  const hits = {};
  for (const entry of mix) {
    const [baseline, candidate] = await Promise.all(
      [servers.baseline, servers.candidate].map(async (server) => {
        const response = await fetch(`${server.url}${requestPath(entry)}`);
        const body = await response.text();
        if (response.status !== 200)
          throw new Error(`${server.name} answered ${response.status} to ${entry.label}: ${body.slice(0, 500)}`);
        return body;
      }),
    );
    if (baseline === candidate) identical++;
    else if (!isDeepStrictEqual(JSON.parse(baseline), JSON.parse(candidate))) {
      throw new Error(
        `different bodies for ${entry.label}:\n  baseline:  ${baseline.slice(0, 400)}\n  candidate: ${candidate.slice(0, 400)}`,
      );
    }
    equal++;
    const { items, total } = JSON.parse(candidate);
    if (items.length === 0)
      throw new Error(`${entry.label} finds nothing: the request mix no longer fits the generated data`);
    hits[entry.label] = { total: total ?? items.length, bytes: Buffer.byteLength(candidate) };
  }
  return { identical, equal, hits };
}

/** Latency of each request of the mix with nothing else running: what a query costs before any queueing. */
async function timeEachAlone(servers, mix) {
  const result = {};
  for (const entry of mix) {
    result[entry.label] = {};
    for (const role of ROLES) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const response = await fetch(`${servers[role].url}${requestPath(entry)}`);
        await response.arrayBuffer();
        times.push(performance.now() - started);
      }
      result[entry.label][role] = median(times);
    }
  }
  return result;
}

/** Waits (up to 3 minutes) until no statement runs in the benchmark's database; returns the seconds waited. */
async function waitForIdleDatabase(pool) {
  const started = performance.now();
  let quietPolls = 0;
  while (quietPolls < 2 && performance.now() - started < 180_000) {
    const { rows } = await pool.query(
      `select count(*)::int as active from pg_stat_activity
       where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
    );
    quietPolls = rows[0].active === 0 ? quietPolls + 1 : 0;
    if (quietPolls < 2) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return (performance.now() - started) / 1000;
}

/** The database's share of each request: the statement the adapter runs, planned and executed alone. */
async function explainMix(databaseUrl, mix) {
  const { buildSearchStatement } = await importSource('libs/platform/src/search/postgres/search-statement.ts');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query(
      `select i.physical_name, i.version, i.definition
       from search.aliases a join search.indices i on i.physical_name = a.physical_name
       where a.alias = $1`,
      [`${INDEX_PREFIX}-catalog`],
    );
    const live = { physicalName: rows[0].physical_name, version: rows[0].version, definition: rows[0].definition };
    const explain = async (query) => {
      const statement = buildSearchStatement(live, query);
      let plan;
      // The first run warms the caches; the second is the one reported.
      for (let i = 0; i < 2; i++) {
        const result = await pool.query({
          text: `explain (analyze, buffers, format json) ${statement.text}`,
          values: statement.values,
        });
        plan = result.rows[0]['QUERY PLAN'][0];
      }
      return {
        ms: plan['Planning Time'] + plan['Execution Time'],
        planningMs: plan['Planning Time'],
        buffers: plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'],
        plan,
      };
    };
    const result = {};
    for (const entry of mix) {
      const query = entry.kind === 'suggest' ? suggestQuery(entry.query) : catalogSearchQuery(entry.query);
      result[entry.label] = {
        statement: await explain(query),
        withoutFacets: query.facets?.length ? await explain({ ...query, facets: [] }) : undefined,
      };
    }
    return result;
  } finally {
    await pool.end();
  }
}

function renderExplained(mix, explained) {
  const rows = [
    ['request', 'statement ms', 'of which planning', 'buffers', 'without facets ms'],
    ...mix.map((entry) => {
      const { statement, withoutFacets } = explained[entry.label];
      return [
        entry.label,
        fixed(statement.ms, 1),
        fixed(statement.planningMs, 1),
        thousands(statement.buffers),
        withoutFacets ? fixed(withoutFacets.ms, 1) : '—',
      ];
    }),
  ];
  return table(rows);
}

function renderUnloaded(mix, unloaded, hits) {
  const rows = [
    ['request', 'route', 'hits', 'bare ms', 'app ms'],
    ...mix.map((entry) => [
      entry.label,
      entry.kind === 'suggest' ? 'suggest' : 'catalog',
      entry.kind === 'suggest' ? `${hits[entry.label].total} (page)` : thousands(hits[entry.label].total),
      fixed(unloaded[entry.label].baseline, 1),
      fixed(unloaded[entry.label].candidate, 1),
    ]),
  ];
  return table(rows);
}

const indent = (text) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

function roundLine(role, result) {
  const kinds = KINDS.map(
    (kind) =>
      `${kind} p50 ${fixed(result.byKind[kind].p50, 1)} p95 ${fixed(result.byKind[kind].p95, 1)} p99 ${fixed(result.byKind[kind].p99, 1)}`,
  ).join('; ');
  const problems =
    result.all.errors + result.all.non2xx > 0
      ? `  errors ${result.all.errors} (dropped ${result.all.dropped}) non-2xx ${result.all.non2xx}`
      : '';
  return (
    `${role.padEnd(9)} ${fixed(result.sentPerSecond, 0)} req/s sent  ${kinds} ms  ` +
    `server cpu ${percent(result.cpu.server)} (${fixed(result.serverCpuMsPerRequest, 2)} ms/req)${problems}`
  );
}

function summarize(rounds, layout, options, idleCpu) {
  const serverCore = layout.pinned ? `cpu${layout.serverCore}` : undefined;
  const perServer = Object.fromEntries(
    Object.entries(rounds).map(([role, list]) => {
      const byKind = Object.fromEntries(
        KINDS.map((kind) => [
          kind,
          {
            p50: median(list.map((r) => r.byKind[kind].p50)),
            p95: median(list.map((r) => r.byKind[kind].p95)),
            p99: median(list.map((r) => r.byKind[kind].p99)),
            max: Math.max(...list.map((r) => r.byKind[kind].max ?? NaN)),
          },
        ]),
      );
      const stats = {
        byKind,
        sentPerSecond: median(list.map((r) => r.sentPerSecond)),
        errors: list.reduce((sum, r) => sum + r.all.errors, 0),
        dropped: list.reduce((sum, r) => sum + r.all.dropped, 0),
        requests: list.reduce((sum, r) => sum + r.all.count, 0),
        non2xx: list.reduce((sum, r) => sum + r.all.non2xx, 0),
        serverCpu: median(list.map((r) => r.cpu.server)),
        serverCpuMsPerRequest: median(list.map((r) => r.serverCpuMsPerRequest)),
        idleCpu: idleCpu[role],
        busyCpuMsPerRequest: median(
          list.map(
            (r) =>
              (Math.max(0, r.cpu.server - idleCpu[role]) * r.cpu.seconds * 1000) /
              Math.max(1, r.all.count - r.all.errors),
          ),
        ),
        loadGeneratorCpu: median(list.map((r) => r.cpu.loadGenerator)),
        scheduleLagP99: median(list.map((r) => r.scheduleLag.p99)),
        coresBusy: Object.fromEntries(
          Object.keys(list[0].cpu.cores).map((core) => [core, median(list.map((r) => r.cpu.cores[core]))]),
        ),
        foreignCpuOnServerCore: serverCore
          ? median(list.map((r) => r.cpu.cores[serverCore] - r.cpu.server - (r.cpu.idleServers ?? 0)))
          : undefined,
      };
      return [role, stats];
    }),
  );
  const { baseline, candidate } = perServer;
  const pairRatios = (kind) => rounds.candidate.map((c, i) => c.byKind[kind].p95 / rounds.baseline[i].byKind[kind].p95);
  const ratios = Object.fromEntries(KINDS.map((kind) => [kind, median(pairRatios(kind))]));
  const summary = {
    ...perServer,
    p95Ratio: ratios,
    pairRatios: Object.fromEntries(KINDS.map((kind) => [kind, pairRatios(kind)])),
    cpuCostRatio: candidate.busyCpuMsPerRequest / baseline.busyCpuMsPerRequest,
    targets: TARGETS,
    // A percentile of the requests that got an answer says nothing once some did not: no errors, or missed.
    meets: {
      searchP95: candidate.errors + candidate.non2xx === 0 && candidate.byKind.search.p95 < TARGETS.searchP95Ms,
      searchRatio:
        candidate.errors + candidate.non2xx + baseline.errors + baseline.non2xx === 0 &&
        ratios.search <= TARGETS.searchP95Ratio,
      suggestP95: candidate.errors + candidate.non2xx === 0 && candidate.byKind.suggest.p95 < TARGETS.suggestP95Ms,
    },
    warnings: [],
  };
  for (const [role, stats] of Object.entries(perServer)) {
    if (stats.errors + stats.non2xx > 0)
      summary.warnings.push(
        `${role}: ${stats.errors} errors (${stats.dropped} arrivals dropped with all ${options.connections} connections ` +
          `busy), ${stats.non2xx} non-2xx of ${stats.requests} requests: the server cannot keep up with this rate, ` +
          'its percentiles cover only the answered requests',
      );
    if (stats.scheduleLagP99 > LOAD_GENERATOR_LAG_LIMIT_MS)
      summary.warnings.push(
        `the load generator started requests up to ${fixed(stats.scheduleLagP99, 1)} ms late (p99) while loading ${role}: ` +
          'its own CPU starvation is in the latencies',
      );
    if (stats.foreignCpuOnServerCore > 0.1)
      summary.warnings.push(
        `other processes used ${percent(stats.foreignCpuOnServerCore)} of the server core while ${role} was measured: noisy`,
      );
    if (stats.sentPerSecond < 0.95 * rounds[role][0].rate)
      summary.warnings.push(`${role}: the load generator sent only ${fixed(stats.sentPerSecond, 0)} req/s`);
  }
  if (rounds.baseline.length === 1)
    summary.warnings.push('one round per server: no variation check (use the default run for numbers to keep)');
  return summary;
}

function renderSummary(summary, options) {
  const { baseline, candidate } = summary;
  const kindRows = (kind, name) =>
    ['p50', 'p95', 'p99'].map((p) => [
      `${name} ${p} ms`,
      fixed(baseline.byKind[kind][p], 1),
      fixed(candidate.byKind[kind][p], 1),
      p === 'p95'
        ? `${signed(candidate.byKind[kind][p] - baseline.byKind[kind][p], 1)} ms (${fixed(summary.p95Ratio[kind], 2)}×)`
        : `${signed(candidate.byKind[kind][p] - baseline.byKind[kind][p], 1)} ms`,
    ]);
  const cores = Object.keys(baseline.coresBusy);
  const rows = [
    ['', 'baseline (Fastify+pg)', 'candidate (Nest app)', 'candidate vs baseline'],
    ['sent req/s (median)', fixed(baseline.sentPerSecond, 0), fixed(candidate.sentPerSecond, 0), ''],
    ...kindRows('search', 'search'),
    ...kindRows('suggest', 'autocomplete'),
    [
      'errors (dropped) / non-2xx',
      `${baseline.errors} (${baseline.dropped}) / ${baseline.non2xx}`,
      `${candidate.errors} (${candidate.dropped}) / ${candidate.non2xx}`,
      `of ${candidate.requests} each`,
    ],
    ['server CPU', percent(baseline.serverCpu), percent(candidate.serverCpu), ''],
    ['server CPU idle', percent(baseline.idleCpu), percent(candidate.idleCpu), ''],
    [
      'server CPU ms/request (idle subtracted)',
      fixed(baseline.busyCpuMsPerRequest, 2),
      fixed(candidate.busyCpuMsPerRequest, 2),
      `${fixed(summary.cpuCostRatio, 2)}×`,
    ],
    ['load generator CPU', percent(baseline.loadGeneratorCpu), percent(candidate.loadGeneratorCpu), ''],
    ...cores.map((core) => [`${core} busy`, percent(baseline.coresBusy[core]), percent(candidate.coresBusy[core]), '']),
  ];
  const mark = (ok) => (ok ? 'met' : 'MISSED');
  const targets = table([
    ['target (issue 16)', 'measured', ''],
    [
      `search p95 < ${TARGETS.searchP95Ms} ms`,
      `${fixed(candidate.byKind.search.p95, 1)} ms`,
      mark(summary.meets.searchP95),
    ],
    [
      `search p95 ≤ ${TARGETS.searchP95Ratio}× bare`,
      `${fixed(summary.p95Ratio.search, 2)}× (bare ${fixed(baseline.byKind.search.p95, 1)} ms)`,
      mark(summary.meets.searchRatio),
    ],
    [
      `autocomplete p95 < ${TARGETS.suggestP95Ms} ms`,
      `${fixed(candidate.byKind.suggest.p95, 1)} ms`,
      mark(summary.meets.suggestP95),
    ],
  ]);
  return (
    `${table(rows)}\n\n${options.rounds} round(s) of ${options.duration} s per server at ${options.rate} req/s (open model, ` +
    `one request in three an autocomplete); percentiles from every latency, medians across rounds; ratio = median of ` +
    `per-round candidate/baseline p95.\n\n${targets}`
  );
}
