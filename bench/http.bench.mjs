// `npm run bench -- http`: GET /v1/search/people through the full api app (candidate) vs bare Fastify + pg
// running the identical SQL (baseline), same data, same machine, same run. `--read`: GET /v1/conversations with
// a bearer token instead (an authenticated database read). See bench/README.md.
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import { generatePeople, QUERY_MIX, searchPath } from './http/people-data.mjs';
import {
  buildReadRequests,
  checkReadBody,
  compareWork,
  READ_BASELINE_SCRIPT,
  seedReadData,
} from './http/read-scenario.mjs';
import { measureCoreBusy, runRound } from './lib/load.mjs';
import {
  buildApi,
  cpuLayout,
  describeMachine,
  pinThisProcess,
  startServer,
  stopChild,
  waitForHttp,
} from './lib/processes.mjs';
import { apiAppEnv, importSource, startServices } from './lib/services.mjs';
import { coefficientOfVariation, median } from './lib/stats.mjs';
import { fixed, percent, signed, table, thousands, writeResults } from './lib/report.mjs';
import { numberReader, step } from './lib/cli.mjs';

export const description =
  'GET /v1/search/people (or, --read, an authenticated GET /v1/conversations): full Nest app vs bare Fastify + pg';

export const usage = `Options:
  --read            an authenticated read instead of people search: GET /v1/conversations with each reader's
                    bearer token (JWT, session revocation in Redis, sanctions, three read-model statements)
  --users N         people seeded (search index, or with --read people with their conversations and messages;
                    default 10000; --quick 1000)
  --readers N       --read: people in the request mix, each with their own token (default 200; --quick 50)
  --connections N   concurrent keep-alive connections, closed model (default 50)
  --duration S      seconds per measured round (default 10; --quick 3)
  --rounds N        measured rounds per server, interleaved B,C,B,C… (default 3; --quick 1)
  --warmup S        seconds of the discarded warm-up round per server (default 5; --quick 2)
  --quick           smoke run: 1000 users, 2 s warm-up, one 3 s round each
  --cpu-prof        run the candidate under node --cpu-prof (profile in bench/results/; its numbers are inflated)
  --live            also measure GET /health/live on both (framework tax without the database, A1-a style)
  --no-pin          do not pin servers to core 0 and the load generator + services to core 1
  --no-build        reuse dist/apps/api/main.js instead of running \`nest build api\`
  --log-level L     the app's LOG_LEVEL (default warn; info logs one line per request)
  --seed N          data generator seed (default 20261122)`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const INDEX_PREFIX = 'bench';
const RATIO_TARGET = 0.6; // A1-b in docs: full stack ≥ 0.60× bare Fastify + pg at concurrency 50
// Issue 16, "an authenticated DB read": ≥ 0.70× the baseline's req/s and ≤ 1.5× its server CPU per request.
const READ_TARGETS = { ratio: 0.7, cpu: 1.5, name: 'issue 16 read' };
const CV_LIMIT = 0.1;
const LOAD_GENERATOR_CPU_LIMIT = 0.8;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: 'string' },
      read: { type: 'boolean', default: false },
      readers: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      live: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      seed: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  return {
    quick,
    read: values.read,
    users: number('users', quick ? 1_000 : 10_000, values.read ? 300 : 1),
    readers: number('readers', quick ? 50 : 200, 5),
    cpuProf: values['cpu-prof'],
    connections: number('connections', 50, 1),
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    warmup: number('warmup', quick ? 2 : 5, 0),
    live: values.live,
    pin: !values['no-pin'],
    build: !values['no-build'],
    seed: number('seed', 20261122, 0),
    logLevel: values['log-level'],
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
    `http benchmark${options.read ? ' --read (GET /v1/conversations, authenticated)' : ''}: ` +
      `${options.users.toLocaleString('en-US')} people${options.read ? `, ${options.readers} readers` : ''}, ` +
      `${options.connections} connections, ` +
      `${options.rounds} × ${options.duration} s rounds per server after a ${options.warmup} s warm-up`,
  );
  console.log(
    layout.pinned
      ? `pinning: servers on core ${layout.serverCore}; load generator, PostgreSQL and Redis on core ${layout.loadCore}`
      : `pinning: off (${layout.reason})`,
  );

  // Other people's work on the machine makes noise: measured for a second before anything starts.
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

  step(
    options.read
      ? `seeding ${options.users.toLocaleString('en-US')} people with their conversations and messages`
      : `seeding ${options.users.toLocaleString('en-US')} people into the search index`,
  );
  const seeded = options.read
    ? await seedReadData(services.databaseUrl, options)
    : await seedPeople(services.databaseUrl, options);

  step('starting the api app and the baseline');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const [appPort, baselinePort] = [await freePort(), await freePort()];
  const serverEnv = {
    ...env,
    HOST: '127.0.0.1',
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    DATABASE_URL: services.databaseUrl,
  };
  const appEnv = apiAppEnv(services, options.logLevel);
  const profileDir = options.cpuProf ? `${ROOT}bench/results/cpu-profiles-${startedAt.toISOString()}` : undefined;
  const servers = {
    baseline: startServer(
      'baseline',
      [fileURLToPath(options.read ? READ_BASELINE_SCRIPT : new URL('./http/baseline-server.mjs', import.meta.url))],
      baselinePort,
      // The read baseline checks the same tokens and revocations: same secret, same Redis.
      options.read ? { ...serverEnv, JWT_SECRET: appEnv.JWT_SECRET, REDIS_URL: services.redisUrl } : serverEnv,
      layout,
    ),
    candidate: startServer(
      'api app',
      [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/apps/api/main.js'],
      appPort,
      { ...serverEnv, ...appEnv },
      layout,
    ),
  };
  await Promise.all(Object.values(servers).map((server) => waitForHttp(`${server.url}/health/ready`, server.child)));

  const requests = options.read
    ? await buildReadRequests(servers.candidate, options, appEnv.JWT_SECRET)
    : QUERY_MIX.map(({ label, query }) => ({ label, method: 'GET', path: searchPath(query) }));
  step(`checking that both servers return the same JSON for every request of the mix (${requests.length})`);
  const verification = await verifySameBodies(servers, requests, options.read ? checkReadBody : checkSearchBody);
  console.log(
    `  ${verification.identical}/${requests.length} byte-identical, ${verification.equal - verification.identical} deep-equal`,
  );
  if (options.read) {
    step('checking that both servers run the same statements and Redis commands (one request of each kind)');
    const { work, differences } = await compareWork(services, servers, requests);
    if (differences.length > 0) throw new Error(`the servers do different work:\n${differences.join('\n')}`);
    for (const { kind, statements, redisCommands } of work.candidate)
      console.log(`  ${kind}: ${statements.length} statements, Redis ${JSON.stringify(redisCommands)} on both`);
    verification.work = work;
  }
  const otherServer = (server) => Object.values(servers).find((other) => other !== server);
  const load = (server, duration, list = requests) =>
    runRound({
      url: server.url,
      requests: list.map(({ method, path, headers }) => ({ method, path, ...(headers && { headers }) })),
      connections: options.connections,
      duration,
      serverPid: server.child.pid,
      otherPids: [otherServer(server).child.pid],
    });

  if (options.warmup > 0) {
    step(`warm-up (${options.warmup} s each, discarded)`);
    await load(servers.baseline, options.warmup);
    await load(servers.candidate, options.warmup);
  }

  step('measuring (interleaved)');
  const rounds = { baseline: [], candidate: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const role of ['baseline', 'candidate']) {
      const result = await load(servers[role], options.duration);
      rounds[role].push(result);
      console.log(`  round ${round}/${options.rounds}  ${roundLine(role, result)}`);
    }
  }

  let live;
  if (options.live) {
    step('GET /health/live on both (no database: framework tax)');
    const liveRequests = [{ method: 'GET', path: '/health/live' }];
    live = {};
    for (const role of ['baseline', 'candidate']) {
      await load(servers[role], Math.min(2, options.duration), liveRequests);
      live[role] = await load(servers[role], options.duration, liveRequests);
      console.log(`  ${roundLine(role, live[role])}`);
    }
  }

  const summary = summarize(rounds, layout, options.read ? READ_TARGETS : { ratio: RATIO_TARGET, name: 'A1-b' });
  if (Object.values(background).some((share) => share > 0.2)) {
    const busy = Object.entries(background)
      .map(([core, share]) => `${core} ${percent(share)}`)
      .join(', ');
    summary.warnings.push(`other processes kept the machine busy before the run (${busy}): expect noise`);
  }
  console.log(`\n${renderSummary(summary, options)}`);
  if (live) {
    live.summary = {
      ratio: live.candidate.requestsPerSecond / live.baseline.requestsPerSecond,
      p95Delta: live.candidate.p95 - live.baseline.p95,
      cpuCostRatio: live.baseline.serverCpuMsPerRequest / live.candidate.serverCpuMsPerRequest,
    };
    console.log(
      `\n/health/live (no database): baseline ${thousands(live.baseline.requestsPerSecond)} req/s, p95 ${fixed(live.baseline.p95, 2)} ms; ` +
        `app ${thousands(live.candidate.requestsPerSecond)} req/s, p95 ${fixed(live.candidate.p95, 2)} ms; ` +
        `ratio ${fixed(live.summary.ratio, 2)}×, server CPU ms/request ${fixed(live.summary.cpuCostRatio, 2)}× (A1-a target ≥ 0.70×)`,
    );
    for (const role of ['baseline', 'candidate']) {
      if (live[role].cpu.loadGenerator > LOAD_GENERATOR_CPU_LIMIT) {
        summary.warnings.push(
          `/health/live: the load generator used ${percent(live[role].cpu.loadGenerator)} of a core on ${role}: its req/s is a floor`,
        );
      }
    }
  }
  for (const warning of summary.warnings) console.log(`WARNING: ${warning}`);

  const file = writeResults('http', {
    benchmark: 'http',
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- http ${argv.join(' ')}`.trim(),
    scenario: options.read ? 'read: GET /v1/conversations' : 'search: GET /v1/search/people',
    machine,
    options,
    pinning: layout,
    backgroundLoad: background,
    seeded,
    queryMix: requests.map(({ label, path }) => ({ label, path })),
    verification,
    rounds,
    live,
    summary,
  });
  console.log(`\nresults: ${file.slice(ROOT.length)}`);
  if (profileDir) {
    await stopChild(servers.candidate.child, 15_000); // node writes the profile as the process exits
    console.log(`candidate CPU profile: ${profileDir.slice(ROOT.length)}/ (its rounds ran under the profiler)`);
  }
  return 0;
}

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

/** Both servers must answer every request of the mix with the same JSON, and `check` must accept it. */
async function verifySameBodies(servers, requests, check) {
  let identical = 0;
  let equal = 0;
  const hits = {};
  for (const { label, path, headers } of requests) {
    const [baseline, candidate] = await Promise.all(
      [servers.baseline, servers.candidate].map(async (server) => {
        const response = await fetch(`${server.url}${path}`, { headers });
        const body = await response.text();
        if (response.status !== 200)
          throw new Error(`${server.name} answered ${response.status} to ${label}: ${body.slice(0, 500)}`);
        return body;
      }),
    );
    if (baseline === candidate) identical++;
    else if (!isDeepStrictEqual(JSON.parse(baseline), JSON.parse(candidate))) {
      throw new Error(
        `different bodies for ${label}:\n  baseline:  ${baseline.slice(0, 400)}\n  candidate: ${candidate.slice(0, 400)}`,
      );
    }
    equal++;
    hits[label] = check(label, candidate);
  }
  return { identical, equal, hits };
}

function checkSearchBody(label, body) {
  const { items, total } = JSON.parse(body);
  if (items.length === 0) throw new Error(`${label} finds nobody: the query mix no longer fits the generated data`);
  return { total, bytes: Buffer.byteLength(body) };
}

function roundLine(role, result) {
  const cores = Object.entries(result.cpu.cores)
    .map(([core, share]) => `${core} ${percent(share)}`)
    .join(' ');
  const problems = result.errors + result.non2xx > 0 ? `  errors ${result.errors} non-2xx ${result.non2xx}` : '';
  return (
    `${role.padEnd(9)} ${thousands(result.requestsPerSecond).padStart(6)} req/s  p50 ${fixed(result.p50, 2)}  p95 ${fixed(result.p95, 2)} ms  ` +
    `cpu: server ${percent(result.cpu.server)} (${fixed(result.serverCpuMsPerRequest, 3)} ms/req), load gen ${percent(result.cpu.loadGenerator)}${cores ? `, ${cores}` : ''}${problems}`
  );
}

function summarize(rounds, layout, targets) {
  const serverCore = layout.pinned ? `cpu${layout.serverCore}` : undefined;
  const loadCore = layout.pinned ? `cpu${layout.loadCore}` : undefined;
  const perServer = Object.fromEntries(
    Object.entries(rounds).map(([role, list]) => {
      const stats = {
        requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
        p50: median(list.map((r) => r.p50)),
        p95: median(list.map((r) => r.p95)),
        p99: median(list.map((r) => r.p99)),
        cv: coefficientOfVariation(list.map((r) => r.requestsPerSecond)),
        errors: list.reduce((sum, r) => sum + r.errors, 0),
        timeouts: list.reduce((sum, r) => sum + r.timeouts, 0),
        non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
        serverCpu: median(list.map((r) => r.cpu.server)),
        serverCpuMsPerRequest: median(list.map((r) => r.serverCpuMsPerRequest)),
        loadGeneratorCpu: median(list.map((r) => r.cpu.loadGenerator)),
        coresBusy: Object.fromEntries(
          Object.keys(list[0].cpu.cores).map((core) => [core, median(list.map((r) => r.cpu.cores[core]))]),
        ),
        // CPU on the server core used by neither server: other processes competing with the one measured.
        foreignCpuOnServerCore: serverCore
          ? median(list.map((r) => r.cpu.cores[serverCore] - r.cpu.server - (r.cpu.idleServers ?? 0)))
          : undefined,
      };
      stats.bottleneck =
        stats.serverCpu >= 0.9
          ? 'server CPU'
          : loadCore && stats.coresBusy[loadCore] >= 0.9
            ? `${loadCore}: db + load gen`
            : 'nothing saturated';
      return [role, stats];
    }),
  );
  const { baseline, candidate } = perServer;
  const pairRatios = rounds.candidate.map((c, i) => c.requestsPerSecond / rounds.baseline[i].requestsPerSecond);
  const summary = {
    ...perServer,
    ratio: median(pairRatios),
    pairRatios,
    ratioCv: coefficientOfVariation(pairRatios),
    ratioOfMedians: candidate.requestsPerSecond / baseline.requestsPerSecond,
    p95Delta: candidate.p95 - baseline.p95,
    p95Ratio: candidate.p95 / baseline.p95,
    // The req/s ratio the two would reach if each had its core to itself and the database kept up.
    cpuCostRatio: baseline.serverCpuMsPerRequest / candidate.serverCpuMsPerRequest,
    // Candidate ÷ baseline server CPU per request: the median of the per-round ratios.
    cpuPerRequestRatio: median(
      rounds.candidate.map((c, i) => c.serverCpuMsPerRequest / rounds.baseline[i].serverCpuMsPerRequest),
    ),
    targets,
    target: targets.ratio,
    meetsTarget: median(pairRatios) >= targets.ratio,

    warnings: [],
  };
  for (const [role, stats] of Object.entries(perServer)) {
    if (stats.cv > CV_LIMIT)
      summary.warnings.push(
        `${role} req/s varies by ${percent(stats.cv)} across rounds (> 10%): rerun on a quieter machine`,
      );
    if (stats.loadGeneratorCpu > LOAD_GENERATOR_CPU_LIMIT) {
      summary.warnings.push(
        `the load generator used ${percent(stats.loadGeneratorCpu)} of a core while loading ${role}: it may be the bottleneck`,
      );
    }
    if (stats.errors + stats.timeouts + stats.non2xx > 0) {
      summary.warnings.push(
        `${role}: ${stats.errors} errors, ${stats.timeouts} timeouts, ${stats.non2xx} non-2xx responses`,
      );
    }
    if (stats.foreignCpuOnServerCore > 0.1) {
      summary.warnings.push(
        `other processes used ${percent(stats.foreignCpuOnServerCore)} of the server core while ${role} was measured: noisy`,
      );
    }
  }
  if (baseline.bottleneck !== 'server CPU' && candidate.bottleneck !== 'server CPU') {
    summary.warnings.push(
      `neither server saturated its core (limit: ${candidate.bottleneck}): the req/s ratio shows the database's ceiling, ` +
        `not the framework's cost; read "server CPU ms/request" (${fixed(summary.cpuCostRatio, 2)}×) for that`,
    );
  }
  if (rounds.baseline.length === 1)
    summary.warnings.push('one round per server: no variation check (use the default run for numbers to keep)');
  return summary;
}

function renderSummary(summary, options) {
  const { baseline, candidate } = summary;
  const cores = Object.keys(baseline.coresBusy);
  const rows = [
    ['', 'baseline (Fastify+pg)', 'candidate (Nest app)', 'candidate vs baseline'],
    [
      'req/s (median)',
      thousands(baseline.requestsPerSecond),
      thousands(candidate.requestsPerSecond),
      `${fixed(summary.ratio, 2)}× (target ≥ ${summary.target})`,
    ],
    [
      'p50 latency ms',
      fixed(baseline.p50, 2),
      fixed(candidate.p50, 2),
      `${signed(candidate.p50 - baseline.p50, 2)} ms`,
    ],
    [
      'p95 latency ms',
      fixed(baseline.p95, 2),
      fixed(candidate.p95, 2),
      `${signed(summary.p95Delta, 2)} ms (${fixed(summary.p95Ratio, 2)}×)`,
    ],
    [
      'p99 latency ms',
      fixed(baseline.p99, 2),
      fixed(candidate.p99, 2),
      `${signed(candidate.p99 - baseline.p99, 2)} ms`,
    ],
    [
      'errors / non-2xx',
      `${baseline.errors + baseline.timeouts} / ${baseline.non2xx}`,
      `${candidate.errors + candidate.timeouts} / ${candidate.non2xx}`,
      '',
    ],
    ['CV of req/s', percent(baseline.cv), percent(candidate.cv), `ratio CV ${percent(summary.ratioCv)}`],
    ['server CPU', percent(baseline.serverCpu), percent(candidate.serverCpu), ''],
    [
      'server CPU ms/request',
      fixed(baseline.serverCpuMsPerRequest, 3),
      fixed(candidate.serverCpuMsPerRequest, 3),
      `${fixed(summary.cpuPerRequestRatio, 2)}× the baseline's CPU (${fixed(summary.cpuCostRatio, 2)}× capacity)`,
    ],
    ['load generator CPU', percent(baseline.loadGeneratorCpu), percent(candidate.loadGeneratorCpu), ''],
    ...cores.map((core) => [`${core} busy`, percent(baseline.coresBusy[core]), percent(candidate.coresBusy[core]), '']),
    ['limited by', baseline.bottleneck, candidate.bottleneck, ''],
  ];
  const { targets } = summary;
  const verdict = summary.meetsTarget
    ? `meets the ${targets.name} target: ${fixed(summary.ratio, 2)}× ≥ ${targets.ratio}×`
    : `BELOW the ${targets.name} target: ${fixed(summary.ratio, 2)}× < ${targets.ratio}×`;
  const targetRows =
    targets.cpu === undefined
      ? ''
      : `\n\n${table([
          ['target (issue 16, authenticated DB read)', 'wanted', 'measured', ''],
          [
            'req/s, candidate ÷ baseline',
            `≥ ${fixed(targets.ratio, 2)}×`,
            `${fixed(summary.ratio, 2)}×`,
            summary.ratio >= targets.ratio ? 'met' : 'MISSED',
          ],
          [
            'server CPU ms/request, candidate ÷ baseline',
            `≤ ${fixed(targets.cpu, 2)}×`,
            `${fixed(summary.cpuPerRequestRatio, 2)}×`,
            summary.cpuPerRequestRatio <= targets.cpu ? 'met' : 'MISSED',
          ],
        ])}`;
  return (
    `${table(rows)}\n\n${options.rounds} round(s) of ${options.duration} s per server at ${options.connections} connections; ` +
    `ratio = median of per-round candidate/baseline req/s (ratio of medians ${fixed(summary.ratioOfMedians, 2)}×). ${verdict}` +
    targetRows
  );
}
