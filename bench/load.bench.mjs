// `npm run bench -- load`: a realistic mix of what signed-in fans' apps send (browse, search, autocomplete, a
// video's page and playback URL, player events, feed, notifications, conversations, a direct message), as an
// open model at rising rates against the real api and worker processes, until p95 reaches 200 ms or a request
// fails. Reports the highest rate held and where it saturates. An absolute capacity on this machine: a mix has no
// bare baseline. See bench/README.md.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fanMix, KINDS, ROUTES } from './load/mix.mjs';
import { cpuGroups, databaseActivity, outboxBacklog, waitUntilSettled } from './load/sampler.mjs';
import { INDEX_PREFIX, seedWorld } from './load/world.mjs';
import { numberReader, step } from './lib/cli.mjs';
import { measureCoreBusy, runOpenRound } from './lib/load.mjs';
import { describeFailures } from './lib/outcomes.mjs';
import {
  buildApp,
  cpuLayout,
  describeMachine,
  onCleanup,
  pinThisProcess,
  startServer,
  waitForHttp,
} from './lib/processes.mjs';
import { fixed, percent, table, thousands, writeResults } from './lib/report.mjs';
import { apiAppEnv, importSource, startServices } from './lib/services.mjs';

export const description =
  'a realistic fan mix (browse, search, playback, events, feed, notifications, messages) at rising open-model rates: highest rate with p95 < 200 ms';

export const usage = `Options:
  --rates LIST      arrival rates to step through, req/s (default 25,50,100,200,400,800; --quick 10,20)
  --duration S      seconds per step (default 15; --quick 4)
  --warmup S        seconds of a discarded warm-up at the first rate (default 5; --quick 1)
  --refine N        after the first failing step, N bisection steps between it and the last one held (default 2; --quick 0)
  --keep-going      run every rate in --rates even after one fails (always with --quick)
  --videos N        published videos (default 20000; --quick 2000)
  --creators N      creators the catalogue is generated for (default 2000; --quick 200)
  --fans N          signed-in fans sending the requests (default 3000; --quick 300)
  --follows N       creators each fan follows (default 30; --quick 10)
  --notifications N notifications per fan (default 30; --quick 10)
  --conversations N direct conversations opened before measuring, one message each (default 1000; --quick 50)
  --connections N   most keep-alive connections of the load generator (default 256)
  --p95 MS          the latency target (default 200)
  --no-pin          do not pin api + worker to core 0 and the load generator + services to core 1
  --no-build        reuse dist/apps/{api,worker}/main.js instead of running \`nest build\`
  --log-level L     the app's LOG_LEVEL (default warn)
  --seed N          data and request generator seed (default 20261204)
  --quick           smoke run: small world, two short steps (under a minute)`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const LAG_LIMIT_MS = 50; // load generator's p99 start lag above this: the numbers are a floor
const SATURATED = 0.85; // a core or a process busier than this is where it saturates

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rates: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      refine: { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      videos: { type: 'string' },
      creators: { type: 'string' },
      fans: { type: 'string' },
      follows: { type: 'string' },
      notifications: { type: 'string' },
      conversations: { type: 'string' },
      connections: { type: 'string' },
      p95: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      seed: { type: 'string' },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  const rates = (values.rates ?? (quick ? '10,20' : '25,50,100,200,400,800')).split(',').map(Number);
  if (rates.some((rate) => !Number.isFinite(rate) || rate <= 0)) throw new Error('--rates must list positive numbers');
  const options = {
    quick,
    rates: [...rates].sort((a, b) => a - b),
    duration: number('duration', quick ? 4 : 15, 1),
    warmup: number('warmup', quick ? 1 : 5, 0),
    refine: number('refine', quick ? 0 : 2, 0),
    keepGoing: values['keep-going'] || quick, // a smoke run measures both of its steps
    videos: number('videos', quick ? 2_000 : 20_000, 100),
    creators: number('creators', quick ? 200 : 2_000, 2),
    fans: number('fans', quick ? 300 : 3_000, 2),
    follows: number('follows', quick ? 10 : 30, 1),
    notifications: number('notifications', quick ? 10 : 30, 0),
    conversations: number('conversations', quick ? 50 : 1_000, 1),
    connections: number('connections', 256, 1),
    p95Target: number('p95', 200, 1),
    pin: !values['no-pin'],
    build: !values['no-build'],
    logLevel: values['log-level'],
    seed: number('seed', 20261204, 0),
  };
  if (options.conversations * 2 > options.fans) throw new Error('--conversations needs at least twice as many --fans');
  return options;
}

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const machine = describeMachine(); // before pinning: afterwards this process sees one core
  const layout = cpuLayout(options.pin);
  if (layout.pinned) pinThisProcess(layout.loadCore); // PostgreSQL, Redis and the build inherit the load core
  console.log(
    `load benchmark: a fan mix at ${options.rates.join(', ')} req/s (open model, ${options.duration} s per step), ` +
      `target p95 < ${options.p95Target} ms with no errors`,
  );
  console.log(
    layout.pinned
      ? `pinning: api and worker on core ${layout.serverCore}; load generator, PostgreSQL and Redis on core ${layout.loadCore}`
      : `pinning: off (${layout.reason})`,
  );
  const loadBefore = loadavg();
  const background = await measureCoreBusy(1_000);
  console.log(
    `machine before the run: load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')}; ${
      Object.entries(background)
        .map(([core, share]) => `${core} ${percent(share)} busy`)
        .join(', ') || 'n/a'
    }`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) {
    buildApp('api', env);
    buildApp('worker', env);
  } else {
    for (const app of ['api', 'worker'])
      if (!existsSync(`${ROOT}dist/apps/${app}/main.js`))
        throw new Error(`dist/apps/${app}/main.js is missing: drop --no-build`);
  }

  step('starting embedded PostgreSQL and redis-server, migrating');
  const services = await startServices();

  step(
    `seeding ${thousands(options.videos)} videos, ${thousands(options.fans)} fans following ${options.follows} creators each`,
  );
  const world = await seedWorld(services.databaseUrl, options, console.log);

  step('starting the api and the worker (separate processes, as deployed)');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const appEnv = {
    ...env,
    ...apiAppEnv(services, options.logLevel),
    HOST: '127.0.0.1',
    DATABASE_URL: services.databaseUrl,
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    // Every request comes from 127.0.0.1: the per-address write budget (1,200 a minute) is meant for one
    // client, not for thousands of fans. Per-user budgets and the message rate limit stay as configured.
    WRITE_RATE_LIMIT_PER_IP: '1000000000',
  };
  const workerPort = await freePort();
  const api = startServer('api', ['dist/apps/api/main.js'], await freePort(), appEnv, layout);
  const worker = startServer(
    'worker',
    ['dist/apps/worker/main.js'],
    workerPort,
    { ...appEnv, WORKER_HTTP_PORT: String(workerPort) },
    layout,
  );
  await Promise.all([
    waitForHttp(`${api.url}/health/ready`, api.child, 90_000),
    waitForHttp(`${worker.url}/health/ready`, worker.child, 90_000),
  ]);

  const monitor = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  monitor.on('error', () => {}); // an idle client losing PostgreSQL at cleanup is not the benchmark's failure
  onCleanup('close the database monitor', () => monitor.end());

  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const accessTokens = new AccessTokens({
    auth: { jwtSecret: appEnv.JWT_SECRET, accessTokenTtlSeconds: 6 * 3600 },
  });
  const tokens = new Map(
    world.fans.map((fan) => [
      fan.userId,
      accessTokens.issue({ userId: fan.userId, roles: ['member'], sessionId: randomUUID() }).token,
    ]),
  );

  step(`opening ${thousands(options.conversations)} direct conversations (POST /v1/users/:id/messages)`);
  const conversations = await openConversations(api.url, world.fans, tokens, options.conversations);
  await waitUntilSettled(monitor);

  const mix = fanMix({ world, tokens, conversations, seed: options.seed });
  step('probing every route of the mix once (each must answer 2xx)');
  const probes = await probeRoutes(api.url, mix.probe());
  console.log(indent(table([['route', 'status', 'ms'], ...probes.map((p) => [p.label, p.status, fixed(p.ms, 1)])])));
  const refused = probes.filter((probe) => !probe.ok);
  if (refused.length > 0)
    throw new Error(
      `routes refused the probe, nothing measured:\n${refused.map((p) => `  ${p.label}: ${p.status} ${p.body}`).join('\n')}`,
    );
  console.log(
    `  weights: ${ROUTES.map((route) => `${route.kind} ${route.weight}%`).join(', ')}\n` +
      `  every request carries a fan's bearer token; fans and routes are drawn at random for each arrival`,
  );

  const groups = cpuGroups(
    { api: api.child.pid, worker: worker.child.pid },
    { postgresDataDir: `${services.root}/postgres` },
  );
  const measure = async (rate, duration) => {
    const before = groups.snapshot();
    const stopActivity = databaseActivity(monitor);
    const result = await runOpenRound({
      url: api.url,
      nextRequest: mix.next,
      kinds: KINDS,
      rate,
      duration,
      connections: options.connections,
      serverPid: api.child.pid,
      otherPids: [worker.child.pid],
    });
    const after = groups.snapshot();
    result.database = await stopActivity();
    result.processes = groups.between(before, after);
    result.outboxBacklog = await outboxBacklog(monitor);
    result.settleSeconds = await waitUntilSettled(monitor);
    result.durationSeconds = duration;
    const ok = result.all.count - result.all.errors - result.all.non2xx;
    result.answeredPerSecond = ok / duration;
    result.missedBecause = missedBecause(result, options);
    result.held = result.missedBecause.length === 0;
    result.loadAverage = loadavg();
    return result;
  };

  if (options.warmup > 0) {
    step(`warm-up: ${options.warmup} s at ${options.rates[0]} req/s (discarded)`);
    await measure(options.rates[0], options.warmup);
  }

  step(`stepping up the arrival rate (${options.duration} s per step)`);
  const steps = [];
  const runStep = async (rate) => {
    const result = await measure(rate, options.duration);
    steps.push(result);
    console.log(`  ${stepLine(result)}`);
    for (const line of failureLines(result)) console.log(`      ${line}`);
    return result;
  };
  let lastHeld;
  let firstFailed;
  for (const rate of options.rates) {
    const result = await runStep(rate);
    if (result.held) lastHeld = rate;
    else {
      firstFailed ??= rate;
      if (!options.keepGoing) break;
    }
  }
  // Bisection between the last rate held and the first one missed narrows "highest rate held".
  let low = lastHeld ?? 0;
  let high = firstFailed;
  for (let i = 0; i < options.refine && high !== undefined && high - low > 2; i++) {
    const rate = Math.round((low + high) / 2);
    const result = await runStep(rate);
    if (result.held) low = rate;
    else high = rate;
  }

  const summary = summarize(steps, options, layout);
  if (Object.values(background).some((share) => share > 0.2) || loadBefore[0] > machine.cpus)
    summary.warnings.push(
      `the machine was LOADED before the run (load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')} on ${machine.cpus} cores): ` +
        'other processes take CPU from every step; read the numbers as this machine at this moment',
    );
  console.log(`\n${renderSteps(steps)}\n\n${renderRoutes(steps)}\n\n${renderFailures(steps)}\n`);
  console.log(`highest rate held: ${summary.held}`);
  console.log(`saturates in: ${summary.saturation}`);
  console.log(`what failed: ${summary.whatFailed}`);
  console.log(
    'No bare baseline: a mix of ten routes has none; this is an absolute capacity of this machine, with its description.',
  );
  for (const warning of summary.warnings) console.log(`WARNING: ${warning}`);

  const file = writeResults('load', {
    benchmark: 'load',
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- load ${argv.join(' ')}`.trim(),
    machine,
    loadAverage: { before: loadBefore, after: loadavg() },
    backgroundLoad: background,
    options,
    pinning: layout,
    processes: 'api and worker as separate processes (dist/apps/api, dist/apps/worker)',
    world: { creators: world.creators, videos: world.videos.length, fans: world.fans.length, ...world.counts },
    weights: ROUTES,
    probes,
    steps,
    summary,
  });
  console.log(`\nresults: ${file.slice(ROOT.length)}`);
  return 0;
}

/** One message from the first fan of each pair to the second: the 1:1 conversation the mix writes to later. */
async function openConversations(url, fans, tokens, count) {
  const conversations = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        const n = next++;
        const [sender, recipient] = [fans[2 * n], fans[2 * n + 1]];
        const response = await fetch(`${url}/v1/users/${recipient.userId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.get(sender.userId)}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text: 'hi! loved your last comment', clientMessageId: `open-${n}` }),
        });
        const body = await response.json();
        if (response.status !== 201)
          throw new Error(`POST /v1/users/:id/messages answered ${response.status}: ${JSON.stringify(body)}`);
        conversations.push({ conversationId: body.conversationId, senderId: sender.userId });
      }
    }),
  );
  return conversations;
}

async function probeRoutes(url, requests) {
  const probes = [];
  for (const request of requests) {
    const started = performance.now();
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const body = await response.text();
    const empty = response.ok ? emptyAnswer(request.kind, JSON.parse(body)) : undefined;
    probes.push({
      kind: request.kind,
      label: ROUTES.find((route) => route.kind === request.kind).label,
      // A 2xx that shows the world was not seeded as meant (no items, events rejected) fails the probe too.
      status: empty ? `${response.status}, ${empty}` : response.status,
      ok: response.ok && !empty,
      ms: performance.now() - started,
      body: body.slice(0, 300),
    });
  }
  return probes;
}

/** Why a 2xx answer is not what a seeded world gives, or undefined when it is. */
function emptyAnswer(kind, body) {
  if (kind === 'events') return body.accepted === 10 ? undefined : `accepted ${body.accepted} of 10`;
  if (kind === 'video' || kind === 'playback' || kind === 'message') return undefined;
  return Array.isArray(body.items) && body.items.length > 0 ? undefined : 'no items';
}

const ms = (value) => (Number.isFinite(value) ? (value >= 100 ? thousands(value) : fixed(value, 1)) : 'n/a');

function stepLine(result) {
  const { all, processes } = result;
  const failures = all.errors + all.non2xx;
  return (
    `${String(result.rate).padStart(5)} req/s: answered ${fixed(result.answeredPerSecond, 1)}/s, ` +
    `p50 ${ms(all.p50)} p95 ${ms(all.p95)} p99 ${ms(all.p99)} ms, ` +
    `${failures ? `${all.errors} errors (${all.dropped} dropped, ${all.timeouts} timeouts) + ${all.non2xx} non-2xx` : 'no errors'}; ` +
    `CPU api ${percent(processes.api)} worker ${percent(processes.worker)} postgres ${percent(processes.postgres)} ` +
    `(cores ${Object.values(result.cpu.cores)
      .map((share) => percent(share))
      .join('/')}); ` +
    `${result.held ? 'held' : `MISSED: ${result.missedBecause.join('; ')}`}`
  );
}

/**
 * Why a step misses the target, one reason per criterion: p95 at or over the target, then "no errors" (any
 * non-2xx answer, transport error, timeout or dropped arrival fails it, whatever the latency).
 */
function missedBecause(result, options) {
  const reasons = [];
  if (!(result.all.p95 < options.p95Target)) reasons.push(`p95 ${ms(result.all.p95)} ms ≥ ${options.p95Target} ms`);
  const { errors, non2xx, failures } = result.all;
  if (errors + non2xx > 0)
    reasons.push(`"no errors" failed: ${non2xx} non-2xx, ${errors} without an answer (${describeFailures(failures)})`);
  return reasons;
}

/** The routes that failed at this step: status classes and the most frequent codes or transport errors. */
function failureLines(result) {
  return Object.entries(result.byKind)
    .filter(([, stats]) => stats.errors + stats.non2xx > 0)
    .map(
      ([kind, stats]) =>
        `${kind}: ${Object.entries(stats.statusClasses)
          .map(([statusClass, count]) => `${count} ${statusClass}`)
          .join(', ')}; ${describeFailures(stats.failures)}`,
    );
}

/** Which process or core ran out at `result`: the busiest thing, with the slowest route. */
function saturationOf(result, layout) {
  const { processes, cpu, database } = result;
  const slowest = Object.entries(result.byKind)
    .filter(([, stats]) => Number.isFinite(stats.p95))
    .sort((a, b) => b[1].p95 - a[1].p95)[0];
  const route = slowest ? `slowest route ${slowest[0]} (p95 ${ms(slowest[1].p95)} ms)` : 'no route answered';
  const coreOf = (group) =>
    !layout.pinned
      ? undefined
      : ['api', 'worker'].includes(group)
        ? `cpu${layout.serverCore}`
        : `cpu${layout.loadCore}`;
  const [hottestCore, hottestShare] = Object.entries(cpu.cores).sort((a, b) => b[1] - a[1])[0] ?? [];
  const ours = (core) =>
    Object.entries(processes)
      .filter(([group]) => coreOf(group) === core)
      .reduce((sum, [, share]) => sum + share, 0);
  const listOn = (core) =>
    Object.entries(processes)
      .filter(([group, share]) => (coreOf(group) === core || !layout.pinned) && share >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([group, share]) => `${group} ${percent(share)}`)
      .join(', ');
  let where;
  if (processes.api >= SATURATED) where = `the api process: its event loop used ${percent(processes.api)} of a core`;
  else if (processes.postgres >= SATURATED) where = `PostgreSQL: ${percent(processes.postgres)} of a core`;
  else if (hottestShare >= SATURATED) {
    const others = layout.pinned ? Math.max(0, hottestShare - ours(hottestCore)) : undefined;
    where =
      `${hottestCore} at ${percent(hottestShare)} (${listOn(hottestCore) || "this run's processes under 5%"}` +
      `${others !== undefined ? `, other work on the machine ${percent(others)}` : ''})`;
  } else if (database.activeMean >= 8)
    where = `database connections: ${fixed(database.activeMean, 1)} statements running on average (pools of 10)`;
  else where = `no CPU saturated (cores ${Object.values(cpu.cores).map(percent).join('/')})`;
  if (result.scheduleLag.p99 > LAG_LIMIT_MS)
    where += `; the load generator started requests up to ${ms(result.scheduleLag.p99)} ms late (p99): a floor`;
  if (result.all.dropped > 0) where += `; ${thousands(result.all.dropped)} arrivals dropped with every connection busy`;
  if (result.outboxBacklog > 100) where += `; the worker left ${thousands(result.outboxBacklog)} outbox rows behind`;
  return `${where}; ${route}`;
}

function summarize(steps, options, layout) {
  const warnings = [];
  const held = steps.filter((s) => s.held).sort((a, b) => b.rate - a.rate)[0];
  const failed = steps.filter((s) => !s.held && (!held || s.rate > held.rate)).sort((a, b) => a.rate - b.rate)[0];
  const lagging = steps.filter((s) => s.scheduleLag.p99 > LAG_LIMIT_MS);
  if (lagging.length)
    warnings.push(
      `the load generator started requests late at ${lagging.map((s) => s.rate).join(', ')} req/s (p99 > ${LAG_LIMIT_MS} ms): those steps measure a floor`,
    );
  if (!failed)
    warnings.push(
      steps.every((s) => s.held)
        ? `every step held: the capacity is above ${Math.max(...steps.map((s) => s.rate))} req/s (add --rates)`
        : `no step above ${held.rate} req/s missed, though lower ones did (${steps
            .filter((s) => !s.held)
            .map((s) => s.rate)
            .join(', ')} req/s): noise on this machine; add --rates above ${held.rate}`,
    );
  const failing = steps.filter((s) => s.all.errors + s.all.non2xx > 0).sort((a, b) => a.rate - b.rate);
  return {
    whatFailed: failing.length
      ? failing.map((s) => `at ${s.rate} req/s ${failureLines(s).join('; ')}`).join(' | ')
      : 'nothing: every request of every step was answered 2xx',
    heldRate: held?.rate ?? null,
    held: held
      ? `${held.rate} req/s (p95 ${ms(held.all.p95)} ms < ${options.p95Target} ms, no errors)`
      : `none of the steps (the lowest, ${steps[0]?.rate} req/s, already missed)`,
    firstMissedRate: failed?.rate ?? null,
    saturation: failed
      ? `at ${failed.rate} req/s (${failed.missedBecause.join('; ')}): ${saturationOf(failed, layout)}`
      : `not reached; at ${steps.at(-1).rate} req/s: ${saturationOf(steps.at(-1), layout)}`,
    warnings,
  };
}

function renderSteps(steps) {
  const sorted = [...steps].sort((a, b) => a.rate - b.rate);
  return table([
    [
      'offered req/s',
      'answered/s',
      'errors',
      'non-2xx',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'api',
      'worker',
      'postgres',
      'redis',
      'load gen',
      'cores',
      'db active',
      'outbox left',
      'held',
    ],
    ...sorted.map((s) => [
      s.rate,
      fixed(s.answeredPerSecond, 1),
      s.all.errors,
      s.all.non2xx,
      ms(s.all.p50),
      ms(s.all.p95),
      ms(s.all.p99),
      percent(s.processes.api),
      percent(s.processes.worker),
      percent(s.processes.postgres),
      percent(s.processes.redis),
      percent(s.processes['load generator']),
      Object.values(s.cpu.cores).map(percent).join('/'),
      `${fixed(s.database.activeMean, 1)} (max ${s.database.activeMax})`,
      thousands(s.outboxBacklog),
      s.held ? 'yes' : 'no',
    ]),
  ]);
}

/** p95 of each route at each step (p50 and p99 are in the results file). */
function renderRoutes(steps) {
  const sorted = [...steps].sort((a, b) => a.rate - b.rate);
  return table([
    ['p95 ms by route \\ req/s', ...sorted.map((s) => s.rate)],
    ...ROUTES.map((route) => [
      `${route.kind} (${route.weight}%)`,
      ...sorted.map((s) => {
        const stats = s.byKind[route.kind];
        const failures = stats.errors + stats.non2xx;
        return `${ms(stats.p95)}${failures ? ` (${failures} failed)` : ''}`;
      }),
    ]),
  ]);
}

/** Status classes and top failures of every route that failed at some step (empty routes left out). */
function renderFailures(steps) {
  const sorted = [...steps].sort((a, b) => a.rate - b.rate);
  const failed = ROUTES.filter((route) =>
    sorted.some((s) => s.byKind[route.kind].errors + s.byKind[route.kind].non2xx > 0),
  );
  if (!failed.length) return 'failures by route: none (every request of every step answered 2xx)';
  return table([
    ['failures by route \\ req/s', ...sorted.map((s) => s.rate)],
    ...failed.map((route) => [
      route.kind,
      ...sorted.map((s) => describeFailures(s.byKind[route.kind].failures) || '-'),
    ]),
  ]);
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
