// `npm run bench -- messaging`: group messages over Socket.IO through the full api app (candidate) vs a plain
// Socket.IO server with the same Redis adapter doing the same room broadcast (baseline), same run, as ratios;
// plus the server memory per idle connection. See bench/README.md.
import { fork, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { measureCoreBusy } from './lib/load.mjs';
import {
  buildApi,
  cpuLayout,
  describeMachine,
  onCleanup,
  pinThisProcess,
  startServer,
  waitForHttp,
} from './lib/processes.mjs';
import { importSource, startServices } from './lib/services.mjs';
import { readServerMetrics, serverBetween, serverLine, stagesBetween, stagesLine } from './lib/stage-metrics.mjs';
import { median, percentile } from './lib/stats.mjs';
import { fixed, percent, table, thousands, writeResults } from './lib/report.mjs';
import { folderOption, numberReader, step } from './lib/cli.mjs';

export const description =
  'socket.io group messages: full Nest gateway vs plain Socket.IO + Redis adapter; memory per idle socket';

export const usage = `Options:
  --clients N       connected clients in conversations (default 1000; --quick 200)
  --group-size N    members per group conversation (default 10)
  --rates LIST      messages/s sent, in rising steps (default 50,100,200,400,800; --quick 50,150,400)
  --duration S      seconds per step and server (default 10; --quick 3)
  --rounds N        rounds per step, servers interleaved B,C,B,C… (default 2; --quick 1)
  --warmup S        discarded warm-up at the first rate, per server (default 5; --quick 2)
  --idle N          idle connections for the memory measurement (default 5000; --quick 1000; 0 skips it)
  --workers N       load-generator processes (default 2)
  --pg-baseline     also run the baseline with the durable write (sequence under a row lock + message insert in
                    PostgreSQL): "the same work minus the framework" (default on; off with --quick)
  --no-pg-baseline  leave it out
  --quick           smoke run: 200 clients, 3 steps of 3 s, 1000 idle connections
  --memory-only     stop after the idle-socket memory measurement (no messaging steps)
  --heap-snapshots DIR
                    profile the idle sockets instead of timing them: both servers run with
                    --heapsnapshot-signal; the idle set connects in two halves with a heap snapshot at 0, N/2
                    and N sockets (DIR/<role>-<count>.heapsnapshot); compare them with
                    \`node bench/messaging/heap-diff.mjs DIR/candidate-500.heapsnapshot DIR/candidate-1000.heapsnapshot\`.
                    A snapshot forces a full GC, so the RSS figures of such a run are not comparable to others
  --timeline        print each round's p95 per second of sending (e.g. \`0:156 1:8 2:7 …\`): a transient at the
                    start of a round, or a stall, shows where a whole-round p95 cannot
  --no-pin          do not pin servers to core 0 and load generator + services to core 1
  --no-build        reuse dist/apps/api/main.js instead of running \`nest build api\`
  --log-level L     the app's LOG_LEVEL (default warn)
  --app-node-flags=FLAGS
                    node flags for the api app processes (both builds), space-separated, e.g.
                    --app-node-flags=--min-semi-space-size=16 (for flags NODE_OPTIONS refuses)
  --compare-app-node-flags=FLAGS
                    node flags for candidate B only (default: --app-node-flags): with --compare-app-root set to this
                    checkout, an A/B of a runtime flag on one build
  --compare-app-root DIR
                    A/B of two builds in one run: also run the api app of another checkout (built like --app-root) as
                    "candidate B", on the same database and conversations, interleaved with the others; the
                    candidate's ratios on its row are then this build ÷ that one (e.g. \`git archive <commit>\` unpacked)
  --app-root DIR    build and run the api app of another checkout (e.g. \`git archive HEAD\` unpacked, with a
                    node_modules symlink) when half-finished work in this tree keeps the app from starting`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';
/** Memory is compared between these two; the messaging steps may add 'baseline-pg' (see --pg-baseline). */
const ROLES = ['baseline', 'candidate'];
const LABELS = {
  baseline: 'baseline (Socket.IO)',
  'baseline-pg': 'baseline + pg write',
  candidate: 'candidate (Nest app)',
  'candidate-b': 'candidate B (other build)',
};
const LOAD_GENERATOR_CPU_LIMIT = 0.8;
const LAG_LIMIT_MS = 100;
const P95_SLO_MS = 200; // the product's p95 target; a step "holds" when p95 stays under it and nothing is lost

/** A space-separated flags option as arguments (none when unset or empty). */
const flagList = (value) => value?.split(/\s+/).filter(Boolean) ?? [];

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      clients: { type: 'string' },
      'group-size': { type: 'string' },
      timeline: { type: 'boolean' },
      rates: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      idle: { type: 'string' },
      workers: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'pg-baseline': { type: 'boolean' },
      'no-pg-baseline': { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      'app-root': { type: 'string' },
      'compare-app-root': { type: 'string' },
      'app-node-flags': { type: 'string' },
      'compare-app-node-flags': { type: 'string' },
      'memory-only': { type: 'boolean', default: false },
      'heap-snapshots': { type: 'string' },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  const rates = (values.rates ?? (quick ? '50,150,400' : '50,100,200,400,800')).split(',').map(Number);
  if (rates.some((rate) => !(rate > 0))) throw new Error('--rates must be positive numbers, e.g. 50,100,200');
  const options = {
    quick,
    clients: number('clients', quick ? 200 : 1_000, 2),
    groupSize: number('group-size', 10, 2),
    rates,
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 2, 1),
    warmup: number('warmup', quick ? 2 : 5, 0),
    idle: number('idle', quick ? 1_000 : 5_000, 0),
    workers: number('workers', 2, 1),
    pin: !values['no-pin'],
    build: !values['no-build'],
    logLevel: values['log-level'],
    timeline: values.timeline ?? false,
    pgBaseline: values['no-pg-baseline'] ? false : (values['pg-baseline'] ?? !quick),
    memoryOnly: values['memory-only'],
    heapSnapshots: values['heap-snapshots'] ? resolve(values['heap-snapshots']) : undefined,
    appRoot: folderOption(values['app-root'], ROOT),
    appNodeFlags: flagList(values['app-node-flags']),
    compareAppNodeFlags: flagList(values['compare-app-node-flags'] ?? values['app-node-flags']),
    compareAppRoot: folderOption(values['compare-app-root']),
  };
  options.groups = Math.floor(options.clients / options.groupSize);
  if (options.groups < options.workers)
    throw new Error('--clients / --group-size must give at least one group per worker');
  options.drainSeconds = quick ? 2 : 5;
  options.roles = [
    'baseline',
    ...(options.pgBaseline ? ['baseline-pg'] : []),
    ...(options.compareAppRoot ? ['candidate-b'] : []),
    'candidate',
  ];
  return options;
}

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  if (layout.pinned) pinThisProcess(layout.loadCore);
  const sockets = options.groups * options.groupSize * options.roles.length + options.idle;
  console.log(
    `messaging benchmark: ${options.groups} groups × ${options.groupSize} clients, steps ${options.rates.join(', ')} msg/s × ${options.duration} s, ` +
      `${options.rounds} round(s) per step and server; ${options.idle.toLocaleString('en-US')} idle connections for memory`,
  );
  console.log(
    layout.pinned
      ? `pinning: servers on core ${layout.serverCore}; load generator (${options.workers} processes), PostgreSQL and Redis on core ${layout.loadCore}`
      : `pinning: off (${layout.reason})`,
  );
  const fdLimit = openFileLimit();
  // Each worker holds its share of the sockets; each server holds all the sockets aimed at it.
  if (fdLimit !== undefined && fdLimit < sockets / options.workers + 1_000) {
    throw new Error(
      `ulimit -n is ${fdLimit}: too low for ${sockets} sockets (raise it with \`ulimit -n 65536\` before npm run bench)`,
    );
  }
  const background = await measureCoreBusy(1_000);
  console.log(
    `machine before the run: ${
      Object.entries(background)
        .map(([core, share]) => `${core} ${percent(share)} busy`)
        .join(', ') || 'n/a'
    }`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  for (const root of [options.appRoot, options.compareAppRoot].filter(Boolean)) {
    if (options.build) buildApi(env, root);
    else if (!existsSync(`${root}dist/apps/api/main.js`))
      throw new Error(`${root}dist/apps/api/main.js is missing: drop --no-build`);
  }

  step('starting embedded PostgreSQL and redis-server, migrating');
  const services = await startServices();

  step(`seeding ${options.groups * options.groupSize} people and minting access tokens`);
  const tokens = await tokenMinter();
  const users = Array.from({ length: options.groups * options.groupSize }, (_, i) => ({
    userId: randomUUID(),
    handle: `bench${i}`,
  }));
  for (const user of users) user.token = tokens(user.userId);
  await seedPeople(services.databaseUrl, users);

  step('starting the api app and the baseline');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const [appPort, baselinePort] = [await freePort(), await freePort()];
  const serverEnv = { ...env, HOST: '127.0.0.1', REDIS_URL: services.redisUrl };
  const baselineScript = fileURLToPath(new URL('./messaging/baseline-server.mjs', import.meta.url));
  if (options.heapSnapshots) mkdirSync(options.heapSnapshots, { recursive: true });
  // With --heap-snapshots, SIGUSR2 makes a server write a snapshot into that folder.
  const nodeFlags = options.heapSnapshots
    ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${options.heapSnapshots}`]
    : [];
  /** Both builds of the app (with --compare-app-root) share the database; their sockets' Redis channels stay apart. */
  const appEnv = (redisPrefix) => ({
    ...serverEnv,
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel,
    DATABASE_URL: services.databaseUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET,
    DATA_DIR: `${services.root}/app-data-${redisPrefix}`,
    // The per-user send limit is a product rule, not the cost being measured.
    MESSAGE_RATE_LIMIT: '100000000',
    GROUP_MAX_MEMBERS: String(Math.max(50, options.groupSize)),
    // Seeded people have no account history, so all are level 0, who may write only to followers; the
    // standing is still read on every first message, only its gate is off.
    TRUST_SAFETY_NEW_ACCOUNT_GATES: 'false',
    // Every socket comes from 127.0.0.1: the per-address write budget would refuse sends (the per-user one stays).
    WRITE_RATE_LIMIT_PER_IP: '100000000',
  });
  const servers = {
    baseline: startServer(
      'baseline',
      [...nodeFlags, baselineScript],
      baselinePort,
      { ...serverEnv, REDIS_PREFIX: 'bench-baseline' },
      layout,
    ),
    ...(options.pgBaseline && {
      'baseline-pg': startServer(
        'baseline + pg',
        [baselineScript],
        await freePort(),
        { ...serverEnv, REDIS_PREFIX: 'bench-baseline-pg', DATABASE_URL: services.databaseUrl },
        layout,
      ),
    }),
    candidate: startServer(
      'api app',
      [...nodeFlags, ...options.appNodeFlags, `${options.appRoot}dist/apps/api/main.js`],
      appPort,
      appEnv('bench-app'),
      layout,
    ),
    ...(options.compareAppRoot && {
      'candidate-b': startServer(
        'api app B',
        [...options.compareAppNodeFlags, `${options.compareAppRoot}dist/apps/api/main.js`],
        await freePort(),
        appEnv('bench-app-b'),
        layout,
      ),
    }),
  };
  await Promise.all(
    Object.values(servers).map((server) => waitForHttp(`${server.url}/health/ready`, server.child, 60_000)),
  );

  step(`creating ${options.groups} group conversations through POST /v1/conversations`);
  const groups = await createGroups(servers, users, options);

  const workers = startWorkers(options.workers);
  const share = (list) => workers.map((_, w) => list.filter((_, i) => i % workers.length === w));
  let memory;
  if (options.idle > 0) {
    // First, on both fresh servers: after a load phase the candidate's heap would have slack to absorb them.
    step(`memory: RSS before/after ${options.idle.toLocaleString('en-US')} idle connections, each server in turn`);
    memory = {};
    const idleUsers = Array.from({ length: options.idle }, () => {
      const userId = randomUUID();
      return { userId, token: tokens(userId) };
    });
    for (const role of ROLES) {
      memory[role] = await measureIdleMemory(
        role,
        servers[role],
        workers,
        share(idleUsers),
        share(idleUsers.slice(0, 200)),
        options.heapSnapshots,
      );
      const m = memory[role];
      console.log(
        `  ${role.padEnd(11)} RSS ${fixed(m.rssBefore / 2 ** 20, 1)} → ${fixed(m.rssAfter / 2 ** 20, 1)} MiB for ${thousands(m.connected)} sockets: ` +
          `${fixed(m.bytesPerConnection / 1024, 1)} KiB per connection (connected in ${fixed(m.connectSeconds, 1)} s${m.failed ? `, ${m.failed} failed: ${m.errors.join('; ')}` : ''})`,
      );
    }
    memory.ratio = memory.candidate.bytesPerConnection / memory.baseline.bytesPerConnection;
  }
  if (options.memoryOnly) {
    if (memory) console.log(`\n${renderSummary([], memory, options)}`);
    return 0;
  }

  step(`connecting ${users.length} clients to each server (${options.workers} load-generator processes)`);
  const groupsPerWorker = share(groups);
  const byId = new Map(users.map((user) => [user.userId, user]));
  await Promise.all(workers.map((worker, w) => worker.call('groups', { list: groupsPerWorker[w] })));
  for (const role of options.roles) {
    const results = await Promise.all(
      workers.map((worker, w) =>
        worker.call('connect', {
          role,
          url: servers[role].url,
          clients: groupsPerWorker[w].flatMap((g) => g.members.map((id) => byId.get(id))),
        }),
      ),
    );
    reportConnections(role, results, users.length);
  }

  const send = async (role, rate, seconds) => {
    // The app times each stage of a send and each socket event (/metrics): where its latency waits, beside the
    // client's view, with the event loop's delay and the GC pauses of the same span.
    const metricsBefore = role.startsWith('candidate') ? await readServerMetrics(servers[role].url) : undefined;
    const before = processTicks(servers[role].child.pid);
    const coresBefore = readCores();
    const at = performance.now();
    const parts = await Promise.all(
      workers.map((worker) =>
        worker.call('send', {
          role,
          rate: rate / workers.length,
          durationMs: seconds * 1000,
          drainMs: options.drainSeconds * 1000,
        }),
      ),
    );
    const wall = (performance.now() - at) / 1000;
    const result = summarizeStep(role, rate, parts, {
      serverCpu: (processTicks(servers[role].child.pid) - before) / 100 / wall,
      cores: coresBetween(coresBefore, readCores()),
      groupSize: options.groupSize,
      serverCore: layout.pinned ? `cpu${layout.serverCore}` : undefined,
    });
    // An overloaded server keeps working off its backlog: that must not land in the next server's round.
    result.quiesceSeconds = await quiesce(servers[role].child.pid);
    if (metricsBefore) {
      const metricsAfter = await readServerMetrics(servers[role].url);
      result.stages = stagesBetween(metricsBefore, metricsAfter, 'message-send');
      result.server = serverBetween(metricsBefore, metricsAfter, 'message:send');
    }
    return result;
  };

  if (options.warmup > 0) {
    step(`warm-up at ${options.rates[0]} msg/s (${options.warmup} s each, discarded)`);
    for (const role of options.roles) console.log(`  ${stepLine(await send(role, options.rates[0], options.warmup))}`);
  }

  step('measuring: rising rate, servers interleaved at each step');
  const steps = [];
  for (const rate of options.rates) {
    const rounds = Object.fromEntries(options.roles.map((role) => [role, []]));
    for (let round = 1; round <= options.rounds; round++) {
      const order = round % 2 ? options.roles : [...options.roles].reverse();
      for (const role of order) {
        const result = await send(role, rate, options.duration);
        rounds[role].push(result);
        console.log(`  ${String(rate).padStart(5)} msg/s round ${round}/${options.rounds}  ${stepLine(result)}`);
        if (result.stages?.length) console.log(`${' '.repeat(28)}stages: ${stagesLine(result.stages)}`);
        if (result.server) console.log(`${' '.repeat(28)}server: ${serverLine(result.server)}`);
        if (options.timeline)
          console.log(
            `${' '.repeat(28)}p95 by second: ${result.p95BySecond.map((ms, second) => `${second}:${fixed(ms, 0)}`).join(' ')}`,
          );
      }
    }
    steps.push({ rate, rounds, summary: compareStep(rounds, options.roles) });
  }

  const warnings = collectWarnings(steps, memory, background, options);
  console.log(`\n${renderSummary(steps, memory, options)}`);
  for (const warning of warnings) console.log(`WARNING: ${warning}`);

  const file = writeResults('messaging', {
    benchmark: 'messaging',
    startedAt: startedAt.toISOString(),
    command: `npm run bench -- messaging ${argv.join(' ')}`.trim(),
    machine,
    options,
    pinning: layout,
    backgroundLoad: background,
    steps: steps.map(({ rate, rounds, summary }) => ({
      rate,
      summary,
      rounds: Object.fromEntries(
        Object.entries(rounds).map(([role, list]) => [role, list.map(({ latencies, ...rest }) => rest)]),
      ),
    })),
    memory,
    warnings,
  });
  console.log(`\nresults: ${file.slice(ROOT.length)}`);
  return 0;
}

function openFileLimit() {
  const result = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const value = Number(result.stdout?.trim());
  return Number.isFinite(value) ? value : undefined;
}

/** Signs access tokens with the app's own AccessTokens class (the handshake only needs a valid token). */
async function tokenMinter() {
  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const accessTokens = new AccessTokens({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 6 * 3600 } });
  return (userId) => accessTokens.issue({ userId, roles: ['member'], sessionId: randomUUID() }).token;
}

/**
 * Engagement's people directory rows, as the identity → engagement projection writes them. Registering
 * through the API would hit its per-IP limit; the socket handshake needs only a token, not an account.
 */
async function seedPeople(databaseUrl, users) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    for (let offset = 0; offset < users.length; offset += 1_000) {
      const batch = users.slice(offset, offset + 1_000);
      await pool.query(
        `insert into engagement.people (user_id, handle, display_name, email)
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
        [
          batch.map((u) => u.userId),
          batch.map((u) => u.handle),
          batch.map((u) => `Bench ${u.handle}`),
          batch.map((u) => `${u.handle}@bench.test`),
        ],
      );
    }
  } finally {
    await pool.end();
  }
}

/** Groups are created through the API (the first member is the creator); the baseline gets the same ids. */
async function createGroups(servers, users, options) {
  const groups = [];
  let next = 0;
  const createOne = async (g) => {
    const members = users.slice(g * options.groupSize, (g + 1) * options.groupSize).map((u) => u.userId);
    const creator = users[g * options.groupSize];
    const response = await fetch(`${servers.candidate.url}/v1/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${creator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'group', title: `bench group ${g}`, memberIds: members.slice(1) }),
    });
    const body = await response.json();
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`POST /v1/conversations answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
    groups[g] = { conversationId: body.conversationId ?? body.id, members };
  };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < options.groups) await createOne(next++);
    }),
  );
  // The app's other build reads the same database; the baselines keep their conversations in memory.
  for (const role of options.roles.filter((r) => r.startsWith('baseline'))) {
    const response = await fetch(`${servers[role].url}/bench/conversations`, {
      method: 'POST',
      body: JSON.stringify(groups),
    });
    if (response.status !== 204) throw new Error(`${role} refused the conversations: ${response.status}`);
  }
  return groups;
}

/** Forks the load-generator processes (they inherit this process's core) and wraps their IPC in calls. */
function startWorkers(count) {
  return Array.from({ length: count }, (_, index) => {
    const child = fork(fileURLToPath(new URL('./messaging/load-worker.mjs', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const waiting = new Map();
    let ids = 0;
    child.on('message', ({ id, result, error }) => {
      const pending = waiting.get(id);
      waiting.delete(id);
      if (error) pending?.reject(new Error(`load worker ${index}: ${error}`));
      else pending?.resolve(result);
    });
    child.once('exit', (code) => {
      for (const pending of waiting.values()) pending.reject(new Error(`load worker ${index} exited (${code})`));
      waiting.clear();
    });
    onCleanup(`stop load worker ${index}`, async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    });
    return {
      pid: child.pid,
      call: (command, args) =>
        new Promise((resolve, reject) => {
          const id = ++ids;
          waiting.set(id, { resolve, reject });
          child.send({ id, command, args });
        }),
    };
  });
}

function reportConnections(role, results, expected) {
  const connected = results.reduce((sum, r) => sum + r.connected, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const seconds = Math.max(...results.map((r) => r.ms)) / 1000;
  console.log(
    `  ${role.padEnd(11)} ${connected}/${expected} connected in ${fixed(seconds, 1)} s${failed ? `, ${failed} failed` : ''}`,
  );
  if (connected !== expected)
    throw new Error(
      `${role}: only ${connected} of ${expected} clients connected: ${results.flatMap((r) => r.errors).join('; ')}`,
    );
}

function summarizeStep(role, rate, parts, { serverCpu, cores, groupSize, serverCore }) {
  const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
  const latencies = parts.flatMap((part) => part.latencies).sort((a, b) => a - b);
  const acks = parts.flatMap((part) => part.ackLatencies).sort((a, b) => a - b);
  const seconds = Math.max(...parts.map((part) => part.bySecond.length));
  const p95BySecond = Array.from({ length: seconds }, (_, second) =>
    percentile(
      parts.flatMap((part) => part.bySecond[second] ?? []).sort((a, b) => a - b),
      95,
    ),
  );
  const sendSeconds = Math.max(...parts.map((part) => part.sendSeconds));
  const wallSeconds = Math.max(...parts.map((part) => part.wallSeconds));
  const errorCodes = {};
  for (const part of parts)
    for (const [code, count] of Object.entries(part.errorCodes)) errorCodes[code] = (errorCodes[code] ?? 0) + count;
  // Every send not explicitly refused should reach the other members (a timed-out one may still be delivered).
  const refused = sum('ackErrors') - (errorCodes.timeout ?? 0);
  const expected = (sum('sent') - refused - sum('held')) * (groupSize - 1);
  const activeSeconds = Math.max(...parts.map((part) => part.activeSeconds));
  return {
    role,
    rate,
    sent: sum('sent'),
    acked: sum('acked'),
    held: sum('held'),
    ackErrors: sum('ackErrors'),
    errorCodes,
    unacked: sum('unacked'),
    delivered: sum('delivered'),
    expectedDeliveries: expected,
    lost: sum('lost'),
    sentPerSecond: sum('sent') / sendSeconds,
    // Deliveries over the sending time plus however long the tail took (until the last answer, up to the drain limit).
    deliveredPerSecond: sum('delivered') / activeSeconds,
    deliveredShare: expected > 0 ? sum('delivered') / expected : NaN,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    ackP95: percentile(acks, 95),
    p95BySecond,
    latencies,
    serverCpu,
    // Server CPU time per message it got through (deliveries / recipients): the code's cost even when nothing is
    // saturated; per message *sent* would flatter an overloaded server that leaves a backlog.
    serverCpuMsPerMessage: (serverCpu * wallSeconds * 1000) / (sum('delivered') / (groupSize - 1)),
    cores,
    // CPU on the server core used by anything but the measured server (the idle servers use ~0): shared-machine noise.
    foreignCpuOnServerCore: serverCore ? Math.max(0, cores[serverCore] - serverCpu) : undefined,
    loadGeneratorCpu: Math.max(...parts.map((part) => part.cpuSeconds / part.wallSeconds)),
    loadGeneratorLagMs: Math.max(...parts.map((part) => part.maxLagMs)),
  };
}

function stepLine(r) {
  const cores = Object.entries(r.cores)
    .map(([core, share]) => `${core} ${percent(share)}`)
    .join(' ');
  const problems =
    (r.ackErrors + r.lost > 0
      ? `  errors ${r.ackErrors} lost ${r.lost}${Object.keys(r.errorCodes).length ? ` ${JSON.stringify(r.errorCodes)}` : ''}`
      : '') + (r.held > 0 ? `  held ${r.held}` : '');
  return (
    `${r.role.padEnd(11)} sent ${thousands(r.sentPerSecond).padStart(5)}/s  delivered ${thousands(r.deliveredPerSecond).padStart(6)}/s (${percent(r.deliveredShare)})  ` +
    `p50 ${fixed(r.p50, 1)}  p95 ${fixed(r.p95, 1)}  p99 ${fixed(r.p99, 1)} ms  cpu: server ${percent(r.serverCpu)}, load gen ${percent(r.loadGeneratorCpu)}${cores ? `, ${cores}` : ''}${problems}` +
    (r.foreignCpuOnServerCore > 0.1 ? `  (others used ${percent(r.foreignCpuOnServerCore)} of the server core)` : '') +
    (r.quiesceSeconds > 1.5 ? `  (backlog: ${fixed(r.quiesceSeconds, 0)} s to go idle)` : '')
  );
}

/** Per step: medians over rounds for each server, and the candidate/baseline ratios. */
function compareStep(rounds, roles) {
  const perServer = Object.fromEntries(
    roles.map((role) => {
      const list = rounds[role];
      const m = (key) => median(list.map((r) => r[key]));
      return [
        role,
        {
          sentPerSecond: m('sentPerSecond'),
          deliveredPerSecond: m('deliveredPerSecond'),
          deliveredShare: m('deliveredShare'),
          p50: m('p50'),
          p95: m('p95'),
          p99: m('p99'),
          serverCpu: m('serverCpu'),
          serverCpuMsPerMessage: m('serverCpuMsPerMessage'),
          foreignCpuOnServerCore: Math.max(...list.map((r) => r.foreignCpuOnServerCore ?? 0)),
          loadGeneratorCpu: m('loadGeneratorCpu'),
          loadGeneratorLagMs: Math.max(...list.map((r) => r.loadGeneratorLagMs)),
          errors: list.reduce((total, r) => total + r.ackErrors, 0),
          lost: list.reduce((total, r) => total + r.lost, 0),
          held: list.reduce((total, r) => total + (r.held ?? 0), 0),
        },
      ];
    }),
  );
  // candidate ÷ each baseline, per round (same round = closest in time), then the median.
  const versus = Object.fromEntries(
    roles
      .filter((role) => role !== 'candidate')
      .map((role) => {
        const pairs = rounds.candidate.map((c, i) => ({
          delivered: c.deliveredPerSecond / rounds[role][i].deliveredPerSecond,
          p95: c.p95 / rounds[role][i].p95,
        }));
        return [
          role,
          {
            deliveredRatio: median(pairs.map((p) => p.delivered)),
            p95Ratio: median(pairs.map((p) => p.p95)),
            p95Delta: perServer.candidate.p95 - perServer[role].p95,
            cpuCostRatio: perServer.candidate.serverCpuMsPerMessage / perServer[role].serverCpuMsPerMessage,
          },
        ];
      }),
  );
  return { ...perServer, versus };
}

async function measureIdleMemory(role, server, workers, sharedUsers, warmUsers, snapshotDir) {
  // A first handful connected and dropped, so both servers have run their handshake code before the count.
  await Promise.all(
    workers.map((worker, w) =>
      worker.call('connect', { role: `warm-${role}`, url: server.url, clients: warmUsers[w] }),
    ),
  );
  await Promise.all(workers.map((worker) => worker.call('disconnect', { role: `warm-${role}` })));
  await settle();
  // Profiling: the set connects in two halves, so N/2 → N shows what each socket adds without one-off costs.
  const parts = snapshotDir
    ? sharedUsers.map((list) => [list.slice(0, Math.ceil(list.length / 2)), list.slice(Math.ceil(list.length / 2))])
    : sharedUsers.map((list) => [list]);
  let connectedSoFar = 0;
  if (snapshotDir) await heapSnapshot(server, snapshotDir, `${role}-0`);
  const rssBefore = rss(server.child.pid);
  const started = performance.now();
  const results = [];
  let failed = 0;
  for (let part = 0; part < parts[0].length; part++) {
    const partResults = await Promise.all(
      workers.map((worker, w) =>
        worker.call('connect', { role: `idle-${role}`, url: server.url, clients: parts[w][part] }),
      ),
    );
    if (snapshotDir) {
      // The worker's count is cumulative for the role: the last call's figures cover every part.
      connectedSoFar = partResults.reduce((sum, r) => sum + r.connected, 0);
      await settle();
      await heapSnapshot(server, snapshotDir, `${role}-${connectedSoFar}`);
    }
    failed += partResults.reduce((sum, r) => sum + r.failed, 0);
    results.splice(0, results.length, ...partResults);
  }
  const connectSeconds = (performance.now() - started) / 1000;
  await settle();
  const rssAfter = rss(server.child.pid);
  await Promise.all(workers.map((worker) => worker.call('disconnect', { role: `idle-${role}` })));
  const connected = results.reduce((sum, r) => sum + r.connected, 0);
  return {
    rssBefore,
    rssAfter,
    connected,
    failed,
    errors: [...new Set(results.flatMap((r) => r.errors))],
    connectSeconds,
    bytesPerConnection: connected > 0 ? (rssAfter - rssBefore) / connected : NaN,
  };
}

/**
 * Sends SIGUSR2 (the server runs with --heapsnapshot-signal) and waits for the snapshot: the server
 * writes it on its main thread, so an HTTP answer after the signal means the file is complete.
 */
async function heapSnapshot(server, dir, name) {
  const before = new Set(readdirSync(dir));
  server.child.kill('SIGUSR2');
  let file;
  for (let tries = 0; tries < 600 && !file; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    file = readdirSync(dir).find((entry) => !before.has(entry) && entry.endsWith('.heapsnapshot'));
  }
  if (!file) throw new Error(`${server.name}: no heap snapshot appeared in ${dir}`);
  await fetch(`${server.url}/health/ready`);
  renameSync(`${dir}/${file}`, `${dir}/${name}.heapsnapshot`);
  console.log(`  heap snapshot: ${dir}/${name}.heapsnapshot`);
}

/** Waits (up to 90 s) until the server uses less than 15% of a core over half a second; returns the seconds waited. */
async function quiesce(pid) {
  const started = performance.now();
  while (performance.now() - started < 90_000) {
    const before = processTicks(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if ((processTicks(pid) - before) / 100 / 0.5 < 0.15) break;
  }
  return (performance.now() - started) / 1000;
}

/** Lets handshakes, timers and a young-generation GC or two finish before RSS is read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));

function rss(pid) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match[1]) * 1024;
}

function processTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function readCores() {
  const cores = {};
  for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const ticks = match[2].split(/\s+/).map(Number);
    const idle = ticks[3] + (ticks[4] ?? 0);
    cores[match[1]] = {
      busy: ticks.slice(0, 8).reduce((s, t) => s + t, 0) - idle,
      total: ticks.slice(0, 8).reduce((s, t) => s + t, 0),
    };
  }
  return cores;
}

function coresBetween(before, after) {
  return Object.fromEntries(
    Object.entries(before).map(([core, start]) => [
      core,
      (after[core].busy - start.busy) / (after[core].total - start.total || 1),
    ]),
  );
}

function collectWarnings(steps, memory, background, options) {
  const warnings = [];
  if (Object.values(background).some((share) => share > 0.2)) {
    warnings.push(
      `other processes kept the machine busy before the run (${Object.entries(background)
        .map(([c, s]) => `${c} ${percent(s)}`)
        .join(', ')}): expect noise`,
    );
  }
  for (const { rate, summary } of steps) {
    for (const role of options.roles) {
      const s = summary[role];
      if (s.loadGeneratorCpu > LOAD_GENERATOR_CPU_LIMIT)
        warnings.push(
          `${rate} msg/s, ${role}: a load-generator process used ${percent(s.loadGeneratorCpu)} of a core: it may be the bottleneck`,
        );
      if (s.loadGeneratorLagMs > LAG_LIMIT_MS || s.sentPerSecond < rate * 0.95) {
        warnings.push(
          `${rate} msg/s, ${role}: the load generator fell behind its schedule (sent ${thousands(s.sentPerSecond)}/s, up to ${fixed(s.loadGeneratorLagMs, 0)} ms late): the rate is a floor`,
        );
      }
      if (s.foreignCpuOnServerCore > 0.1) {
        warnings.push(
          `${rate} msg/s, ${role}: other processes used up to ${percent(s.foreignCpuOnServerCore)} of the server core: noisy, rerun on a quieter machine`,
        );
      }
      if (s.errors > 0 || s.lost > 0)
        warnings.push(
          `${rate} msg/s, ${role}: ${s.errors} refused/timed-out sends, ${s.lost} deliveries missing after the ${options.drainSeconds} s drain`,
        );
      if (s.held > 0)
        warnings.push(
          `${rate} msg/s, ${role}: trust & safety held ${s.held} sends (they reach only their sender; no delivery is owed, so they are neither lost nor counted as delivered)`,
        );
    }
  }
  if (memory) {
    for (const role of ROLES)
      if (memory[role].failed > 0)
        warnings.push(
          `memory, ${role}: ${memory[role].failed} idle connections failed (${memory[role].errors.join('; ')})`,
        );
  }
  if (options.rounds === 1)
    warnings.push('one round per step: no variation check (use the default run for numbers to keep)');
  return warnings;
}

function renderSummary(steps, memory, options) {
  const rows = [
    [
      'rate msg/s',
      'server',
      'sent/s',
      'delivered/s',
      'delivered',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'server CPU',
      'CPU ms/msg',
      'cand. delivered/s ÷',
      'cand. p95 ÷',
      'cand. CPU/msg ÷',
    ],
  ];
  for (const { rate, summary } of steps) {
    for (const role of options.roles) {
      const s = summary[role];
      const v = summary.versus[role];
      rows.push([
        role === 'baseline' ? String(rate) : '',
        LABELS[role],
        thousands(s.sentPerSecond),
        thousands(s.deliveredPerSecond),
        percent(s.deliveredShare),
        fixed(s.p50, 1),
        fixed(s.p95, 1),
        fixed(s.p99, 1),
        percent(s.serverCpu),
        fixed(s.serverCpuMsPerMessage, 2),
        v ? `${fixed(v.deliveredRatio, 2)}×` : '',
        v ? `${fixed(v.p95Ratio, 1)}×` : '',
        v ? `${fixed(v.cpuCostRatio, 1)}×` : '',
      ]);
    }
  }
  let text =
    `${table(rows)}\n\n${options.groups} groups of ${options.groupSize}; a message is delivered to the ${options.groupSize - 1} other members ` +
    `(the sender's own echo is not counted). Latency = send → message:new on each recipient's socket, one clock per load process. ` +
    `The "cand. … ÷" columns on a baseline's (or candidate B's) row are candidate ÷ that server: medians of per-round ratios.`;
  // A rate is held when every round at it held, and so did every lower step: a step missed in between means the
  // server does not hold that rate reliably, whatever a luckier higher step showed.
  const roundHeld = (r, rate) => r.deliveredShare >= 0.99 && r.p95 < P95_SLO_MS && r.sentPerSecond >= 0.95 * rate;
  const firstMissed = (role) => steps.find(({ rate, rounds }) => !rounds[role].every((r) => roundHeld(r, rate)))?.rate;
  const held = (role) => {
    const missed = firstMissed(role);
    return steps.filter(({ rate }) => missed === undefined || rate < missed).at(-1)?.rate;
  };
  text +=
    `\nHighest step held (in every round, and every lower step too; all delivered, p95 < ${P95_SLO_MS} ms): ` +
    options.roles
      .map(
        (role) => `${role} ${held(role) ?? 'none'}${firstMissed(role) ? ` (first missed ${firstMissed(role)})` : ''}`,
      )
      .join(', ') +
    ' msg/s' +
    (options.roles.some((role) => role.startsWith('baseline') && held(role) === options.rates.at(-1))
      ? ' (a baseline held every step: raise --rates to find its limit)'
      : '') +
    '.';
  if (steps.length === 0) text = ''; // --memory-only
  if (memory) {
    const kib = (m) => `${fixed(m.bytesPerConnection / 1024, 1)} KiB`;
    text += `${text ? '\n\n' : ''}${table([
      ['memory per idle connection', 'baseline (Socket.IO)', 'candidate (Nest app)', 'candidate vs baseline'],
      [
        `${thousands(options.idle)} sockets, server RSS delta / count`,
        kib(memory.baseline),
        kib(memory.candidate),
        `${fixed(memory.ratio, 2)}×`,
      ],
      [
        'RSS before → after (MiB)',
        ...ROLES.map((r) => `${fixed(memory[r].rssBefore / 2 ** 20, 0)} → ${fixed(memory[r].rssAfter / 2 ** 20, 0)}`),
        '',
      ],
    ])}`;
  }
  return text;
}
