// `npm run bench -- http`: GET /v1/search/people through the full api app (candidate) vs bare Fastify + pg
// running the identical SQL (baseline), same data, same machine, same run. `--read`: authenticated database reads
// instead (GET /v1/conversations, GET /v1/catalog/videos/:id), each against a bare Fastify + pg + ioredis server
// doing the same statements and Redis commands. See bench/README.md.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { conversationsScenario } from './http/conversations-scenario.mjs';
import { INDEX_PREFIX, peopleScenario } from './http/people-scenario.mjs';
import { compareWork } from './http/same-work.mjs';
import { videoScenario } from './http/video-scenario.mjs';
import { measureCoreBusy, measureIdleCpu, runRound } from './lib/load.mjs';
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
import { folderOption, numberReader, step } from './lib/cli.mjs';

export const description =
  'GET /v1/search/people (or, --read, authenticated GETs of a conversation list and a catalog video): full Nest app vs bare Fastify + pg';

export const usage = `Options:
  --read[=WHICH]    authenticated reads instead of people search, each reader with their own bearer token (JWT,
                    session revocation in Redis, sanctions): WHICH is conversations (GET /v1/conversations, three
                    read-model statements), video (GET /v1/catalog/videos/:id, a published video's page: the video,
                    its restrictions, channel, creator, series, counts and media asset) or all (default: both, one
                    after the other, each with its own baseline)
  --users N         people seeded (search index, or with --read=conversations people with their conversations and
                    messages; default 10000; --quick 1000)
  --videos N        --read=video: published videos seeded (default 20000; --quick 2000)
  --readers N       --read: people in the request mix, each with their own token (default 200; --quick 50)
  --connections N   concurrent keep-alive connections, closed model (default 50)
  --duration S      seconds per measured round (default 10; --quick 3)
  --rounds N        measured rounds per server, interleaved B,C,B,C… (default 3; --quick 1)
  --warmup S        seconds of the discarded warm-up round per server (default 5; --quick 2)
  --quick           smoke run: 1000 users or 2000 videos, 2 s warm-up, one 3 s round each
  --cpu-prof        run the candidate under node --cpu-prof (profile in bench/results/; its numbers are inflated)
  --live            also measure GET /health/live (framework tax without the database, A1-a style) on both and on
                    NestJS + Fastify with one controller (bench/http/nest-only-server.mjs), rounds interleaved
  --compare-app-root DIR
                    with --live: also run the api app built in another checkout (\`git archive <commit>\` unpacked,
                    with a node_modules symlink, after \`nest build api\` there) as "app B", interleaved: the
                    /health/live rows then say this build ÷ that one, an A/B of two builds in one run
  --no-pin          do not pin servers to core 0 and the load generator + services to core 1
  --no-build        reuse dist/apps/api/main.js instead of running \`nest build api\`
  --log-level L     the app's LOG_LEVEL (default warn; info logs one line per request)
  --seed N          data generator seed (default 20261122)`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
// A1-b in docs: full stack ≥ 0.60× bare Fastify + pg at concurrency 50.
const SEARCH_TARGETS = { ratio: 0.6, name: 'A1-b' };
// Issue 16, "an authenticated DB read": ≥ 0.70× the baseline's req/s and ≤ 1.5× its server CPU per request.
// Issue 16: /health/live through the whole pipeline ≥ 0.75× bare Fastify (NestJS alone: about 0.85×).
const LIVE_TARGET = 0.75;
const READ_TARGETS = { ratio: 0.7, cpu: 1.5, name: 'issue 16 read' };
const READ_SCENARIOS = { conversations: conversationsScenario, video: videoScenario };
const IDLE_SAMPLE_MS = 2_000;
const CV_LIMIT = 0.1;
const LOAD_GENERATOR_CPU_LIMIT = 0.8;

/** `--read` alone means every read scenario; `--read video` and `--read=video` pick one (parseArgs needs `=`). */
function withReadValue(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--read') out.push(argv[i]);
    else if (argv[i + 1] && !argv[i + 1].startsWith('-')) out.push(`--read=${argv[++i]}`);
    else out.push('--read=all');
  }
  return out;
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: withReadValue(argv),
    options: {
      users: { type: 'string' },
      read: { type: 'string' },
      videos: { type: 'string' },
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
      'compare-app-root': { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string', default: 'warn' },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  const read =
    values.read === undefined ? [] : values.read === 'all' ? Object.keys(READ_SCENARIOS) : values.read.split(',');
  const unknown = read.filter((name) => !READ_SCENARIOS[name]);
  if (unknown.length)
    throw new Error(`--read takes ${Object.keys(READ_SCENARIOS).join(', ')} or all, not ${unknown.join(', ')}`);
  return {
    quick,
    read,
    scenarios: read.length ? read.map((name) => READ_SCENARIOS[name]) : [peopleScenario],
    users: number('users', quick ? 1_000 : 10_000, read.includes('conversations') ? 300 : 1),
    videos: number('videos', quick ? 2_000 : 20_000, 100),
    readers: number('readers', quick ? 50 : 200, 5),
    cpuProf: values['cpu-prof'],
    connections: number('connections', 50, 1),
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    warmup: number('warmup', quick ? 2 : 5, 0),
    live: values.live,
    pin: !values['no-pin'],
    build: !values['no-build'],
    compareAppRoot: folderOption(values['compare-app-root']),
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
  const loadBefore = loadavg();
  console.log(
    `http benchmark: ${options.scenarios.map((scenario) => scenario.route).join(', then ')}; ` +
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
    `machine before the run: load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}; ${
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

  step('starting the api app');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const appEnv = apiAppEnv(services, options.logLevel);
  // Both servers of every scenario: same database, same Redis, same secret (readers' tokens and signed URLs).
  const serverEnv = {
    ...env,
    HOST: '127.0.0.1',
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    JWT_SECRET: appEnv.JWT_SECRET,
    ...Object.assign({}, ...options.scenarios.map((scenario) => scenario.serverEnv ?? {})),
  };
  const profileDir = options.cpuProf ? `${ROOT}bench/results/cpu-profiles-${startedAt.toISOString()}` : undefined;
  const candidate = startServer(
    'api app',
    [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/apps/api/main.js'],
    await freePort(),
    { ...serverEnv, ...appEnv },
    layout,
  );
  await waitForHttp(`${candidate.url}/health/ready`, candidate.child);

  const results = {};
  for (const [n, scenario] of options.scenarios.entries()) {
    const last = n === options.scenarios.length - 1;
    results[scenario.name] = await runScenario(scenario, {
      candidate,
      appEnv,
      services,
      serverEnv,
      layout,
      options,
      freePort,
      last,
    });
  }
  const warnings = Object.values(results).flatMap((result) => result.summary.warnings);
  if (Object.values(background).some((share) => share > 0.2) || loadBefore[0] > machine.cpus) {
    const busy = Object.entries(background)
      .map(([core, share]) => `${core} ${percent(share)}`)
      .join(', ');
    warnings.push(
      `the machine was LOADED before the run (load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}; ${busy}): expect noise`,
    );
  }
  for (const warning of warnings) console.log(`WARNING: ${warning}`);

  const file = writeResults('http', {
    benchmark: 'http',
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- http ${argv.join(' ')}`.trim(),
    scenarios: Object.keys(results),
    machine,
    loadAverage: { before: loadBefore, after: loadavg() },
    options: { ...options, scenarios: undefined },
    pinning: layout,
    backgroundLoad: background,
    results,
  });
  console.log(`\nresults: ${file.slice(ROOT.length)}`);
  if (profileDir) {
    await stopChild(candidate.child, 15_000); // node writes the profile as the process exits
    console.log(`candidate CPU profile: ${profileDir.slice(ROOT.length)}/ (its rounds ran under the profiler)`);
  }
  return 0;
}

/**
 * One scenario: seed, start its baseline, check that both servers answer (and, for reads, work) alike, measure the
 * servers' idle CPU, then the warm-up and the interleaved rounds; the baseline stops afterwards.
 */
async function runScenario(scenario, { candidate, appEnv, services, serverEnv, layout, options, freePort, last }) {
  const isRead = scenario !== peopleScenario;
  console.log(`\n━━ ${scenario.route} (${scenario.describeData(options)})`);
  step(`seeding ${scenario.describeData(options)}`);
  const seeded = await scenario.seed(services.databaseUrl, options);

  step('starting the baseline');
  const baseline = startServer(
    'baseline',
    [fileURLToPath(scenario.baselineScript)],
    await freePort(),
    serverEnv,
    layout,
  );
  const servers = { baseline, candidate };
  const live = options.live && last;
  if (live) {
    const script = fileURLToPath(new URL('./http/nest-only-server.mjs', import.meta.url));
    servers.nestOnly = startServer('nest only', [script], await freePort(), serverEnv, layout);
    if (options.compareAppRoot)
      servers.candidateB = startServer(
        'api app B',
        [`${options.compareAppRoot}dist/apps/api/main.js`],
        await freePort(),
        { ...serverEnv, ...appEnv, DATA_DIR: `${appEnv.DATA_DIR ?? services.root}-b` },
        layout,
      );
  }
  await Promise.all(
    [baseline, servers.nestOnly, servers.candidateB]
      .filter(Boolean)
      .map((server) => waitForHttp(`${server.url}/health/ready`, server.child)),
  );
  try {
    const requests = await scenario.buildRequests(candidate, options, serverEnv.JWT_SECRET, seeded);
    step(`checking that both servers return the same JSON for every request of the mix (${requests.length})`);
    const verification = await verifySameBodies(servers, requests, scenario);
    console.log(
      `  ${verification.identical}/${requests.length} byte-identical, ${verification.equal - verification.identical} equal ` +
        `once compared as JSON${scenario.comparable ? " (signed URLs' expiry aside)" : ''}`,
    );
    if (isRead) {
      step('checking that both servers run the same statements and Redis commands (one request of each kind)');
      // A background refresh (a cache reloading from Redis) can land inside the one request observed: a difference
      // must repeat to count.
      let { work, differences } = await compareWork(services, servers, requests);
      for (let attempt = 2; attempt <= 3 && differences.length > 0; attempt++) {
        console.log(`  the servers differed (attempt ${attempt - 1} of 3); observing again`);
        ({ work, differences } = await compareWork(services, servers, requests));
      }
      if (differences.length > 0) throw new Error(`the servers do different work:\n${differences.join('\n')}`);
      for (const { kind, statements, redisCommands } of work.candidate)
        console.log(`  ${kind}: ${statements.length} statements, Redis ${JSON.stringify(redisCommands)} on both`);
      verification.work = work;
    }

    // Timers, pollers and schedulers cost CPU with no request at all: measured together, subtracted per request.
    const idleCpu = Object.fromEntries(
      await Promise.all(
        Object.entries(servers).map(async ([role, server]) => [
          role,
          (await measureIdleCpu(server.child.pid, IDLE_SAMPLE_MS)) ?? 0,
        ]),
      ),
    );
    console.log(`  idle CPU: baseline ${percent(idleCpu.baseline)}, app ${percent(idleCpu.candidate)} of a core`);

    const otherServers = (server) => Object.values(servers).filter((other) => other !== server);
    const load = (role, duration, list = requests) =>
      runRound({
        url: servers[role].url,
        requests: list.map(({ method, path, headers }) => ({ method, path, ...(headers && { headers }) })),
        connections: options.connections,
        duration,
        serverPid: servers[role].child.pid,
        serverIdleCpu: idleCpu[role],
        otherPids: otherServers(servers[role]).map((other) => other.child.pid),
      });

    if (options.warmup > 0) {
      step(`warm-up (${options.warmup} s each, discarded)`);
      await load('baseline', options.warmup);
      await load('candidate', options.warmup);
    }

    step('measuring (interleaved)');
    const rounds = { baseline: [], candidate: [] };
    for (let round = 1; round <= options.rounds; round++) {
      for (const role of ['baseline', 'candidate']) {
        const result = await load(role, options.duration);
        rounds[role].push(result);
        console.log(`  round ${round}/${options.rounds}  ${roundLine(role, result)}`);
      }
    }

    const liveRounds = live ? await measureLive(load, options) : undefined;
    const summary = summarize(rounds, layout, isRead ? READ_TARGETS : SEARCH_TARGETS);
    summary.warnings = summary.warnings.map((warning) => `${scenario.route}: ${warning}`);
    console.log(`\n${scenario.route}\n${renderSummary(summary, options)}`);
    if (liveRounds) {
      liveRounds.summary = summarizeLive(liveRounds.rounds);
      console.log(`\n${renderLive(liveRounds.summary)}`);
      for (const [role, results] of Object.entries(liveRounds.rounds)) {
        const busiest = Math.max(...results.map((result) => result.cpu.loadGenerator));
        if (busiest > LOAD_GENERATOR_CPU_LIMIT) {
          summary.warnings.push(
            `/health/live: the load generator used up to ${percent(busiest)} of a core on ${role}: its req/s is a floor`,
          );
        }
      }
    }
    return {
      scenario: scenario.route,
      seeded: { ...seeded, plan: undefined },
      queryMix: requests.map(({ label, path }) => ({ label, path })),
      verification,
      idleCpu,
      rounds,
      live: liveRounds,
      summary,
    };
  } finally {
    await Promise.all(
      [baseline, servers.nestOnly, servers.candidateB].filter(Boolean).map((server) => stopChild(server.child)),
    );
  }
}

/**
 * GET /health/live (no database: the framework's own cost) on bare Fastify, NestJS + Fastify alone and the api app,
 * after a short warm-up each, in interleaved rounds.
 */
async function measureLive(load, options) {
  step(
    `GET /health/live on bare Fastify, NestJS alone and the app (no database: framework tax), ${options.rounds} interleaved rounds`,
  );
  const liveRequests = [{ method: 'GET', path: '/health/live' }];
  const roles = ['baseline', 'nestOnly', ...(options.compareAppRoot ? ['candidateB'] : []), 'candidate'];
  for (const role of roles) await load(role, Math.min(2, options.duration), liveRequests);
  const rounds = Object.fromEntries(roles.map((role) => [role, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const role of roles) {
      const result = await load(role, options.duration, liveRequests);
      rounds[role].push(result);
      const label = { nestOnly: 'nest only', candidateB: 'app B' }[role] ?? role;
      console.log(`  round ${round}/${options.rounds}  ${roundLine(label, result)}`);
    }
  }
  return { rounds };
}

/**
 * The `/health/live` rows: per server the median req/s, p95 and CPU per request over its rounds; ratios are
 * medians of per-round ratios against bare Fastify.
 */
function summarizeLive(rounds) {
  const perRound = (role, against = 'baseline') =>
    median(rounds[role].map((result, round) => result.requestsPerSecond / rounds[against][round].requestsPerSecond));
  // One server's CPU per request ÷ another's, median of the rounds.
  const cpuRatio = (role, against) =>
    median(
      rounds[role].map((result, round) => result.serverCpuMsPerRequest / rounds[against][round].serverCpuMsPerRequest),
    );
  const side = (role) => ({
    requestsPerSecond: median(rounds[role].map((result) => result.requestsPerSecond)),
    p95: median(rounds[role].map((result) => result.p95)),
    serverCpuMsPerRequest: median(rounds[role].map((result) => result.serverCpuMsPerRequest)),
  });
  return {
    baseline: side('baseline'),
    nestOnly: side('nestOnly'),
    candidate: side('candidate'),
    ratio: perRound('candidate'),
    nestOnlyRatio: perRound('nestOnly'),
    candidateVsNestOnly: perRound('candidate', 'nestOnly'),
    // Bare Fastify's CPU per request ÷ the server's: what the server could serve on a saturated core relative to bare
    // Fastify, which still reads right when the load generator's core, not the server's, limits req/s.
    capacity: cpuRatio('baseline', 'candidate'),
    nestOnlyCapacity: cpuRatio('baseline', 'nestOnly'),
    ...(rounds.candidateB && {
      candidateB: side('candidateB'),
      candidateBRatio: perRound('candidateB'),
      candidateVsB: perRound('candidate', 'candidateB'),
      cpuVsB: cpuRatio('candidate', 'candidateB'),
    }),
    target: LIVE_TARGET,
  };
}

function renderLive(live) {
  const row = (label, side, ratio) =>
    `  ${label.padEnd(26)} ${thousands(side.requestsPerSecond).padStart(8)} req/s  p95 ${fixed(side.p95, 2).padStart(6)} ms  ` +
    `CPU ${fixed(side.serverCpuMsPerRequest * 1000, 1).padStart(5)} µs/request` +
    (ratio === undefined ? '' : `  ${fixed(ratio, 2)}× bare Fastify`);
  return [
    '/health/live (no database), medians over the interleaved rounds:',
    row('bare Fastify', live.baseline),
    row('NestJS + Fastify only', live.nestOnly, live.nestOnlyRatio),
    ...(live.candidateB ? [row('app B (--compare-app-root)', live.candidateB, live.candidateBRatio)] : []),
    row('api app (whole pipeline)', live.candidate, live.ratio),
    ...(live.candidateB
      ? [
          `  api app vs app B (medians of per-round ratios): req/s ${fixed(live.candidateVsB, 2)}×, ` +
            `CPU per request ${fixed(live.cpuVsB, 2)}×`,
        ]
      : []),
    `  by CPU per request (bare Fastify's ÷ the server's; unaffected by a load generator at its limit): ` +
      `NestJS alone ${fixed(live.nestOnlyCapacity, 2)}×, api app ${fixed(live.capacity, 2)}×`,
    `  api app vs NestJS alone: ${fixed(live.candidateVsNestOnly, 2)}×; ` +
      `target app ≥ ${live.target}× bare Fastify: ${live.ratio >= live.target ? 'met' : 'missed'}`,
  ].join('\n');
}

/**
 * Both servers must answer every request of the mix with the same JSON (byte for byte, or equal once parsed, or
 * equal after the scenario's `comparable`), and the scenario's `checkBody` must accept it.
 */
/**
 * A GET sent again once when the connection failed: on a loaded machine a kept-alive connection can be closed by
 * the server just as it is reused (seen once in CI as a bare "fetch failed"). A second failure names its cause.
 */
async function fetchOnceMore(url, init) {
  try {
    return await fetch(url, init);
  } catch (first) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      return await fetch(url, init);
    } catch (second) {
      const cause = (error) => error.cause?.code ?? error.cause?.message ?? error.message;
      throw new Error(`GET ${url} failed twice: ${cause(first)}, then ${cause(second)}`, { cause: second });
    }
  }
}

async function verifySameBodies(servers, requests, scenario) {
  let identical = 0;
  let equal = 0;
  const hits = {};
  const comparable = scenario.comparable ?? ((body) => body);
  for (const { label, path, headers } of requests) {
    const [baseline, candidate] = await Promise.all(
      [servers.baseline, servers.candidate].map(async (server) => {
        const response = await fetchOnceMore(`${server.url}${path}`, { headers });
        const body = await response.text();
        if (response.status !== 200)
          throw new Error(`${server.name} answered ${response.status} to ${label}: ${body.slice(0, 500)}`);
        return body;
      }),
    );
    if (baseline === candidate) identical++;
    else if (!isDeepStrictEqual(JSON.parse(comparable(baseline)), JSON.parse(comparable(candidate)))) {
      throw new Error(
        `different bodies for ${label}:\n  baseline:  ${baseline.slice(0, 600)}\n  candidate: ${candidate.slice(0, 600)}`,
      );
    }
    equal++;
    hits[label] = scenario.checkBody(label, candidate);
  }
  return { identical, equal, hits };
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
      'server CPU ms/request (idle subtracted)',
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
