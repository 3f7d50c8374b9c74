// `npm run bench -- ingest`: events/s through POST /v1/events (batches of 50, full api app) vs a bare COPY of the
// same rows into the same table (insights.events) with pg + pg-copy-streams, same machine, same run (A5-a); a second
// row at 200 per batch, and the CPU each side costs the app, PostgreSQL, Redis and the load generator per event.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { delimiter } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { cpuLayout, describeMachine, pinThisProcess, startChild, waitForHttp } from './lib/processes.mjs';
import { apiAppEnv, importSource, startServices } from './lib/services.mjs';
import { coefficientOfVariation, median } from './lib/stats.mjs';
import { fixed, table, thousands, writeResults } from './lib/report.mjs';
import { numberReader } from './lib/cli.mjs';
import { closedLoop } from './lib/load.mjs';
import { cpuGroups } from './load/sampler.mjs';

export const description =
  'POST /v1/events (batches of 50, and of 200) through the api app vs a bare COPY of the same rows (A5-a)';

export const usage = `Options:
  --batch N         events per request / per COPY (default 50): the target row
  --large-batch N   a second row with N events per request / per COPY, same rounds (default 200; 0: none)
  --connections N   concurrent clients on each side, closed model (default 8)
  --duration S      seconds per measured round (default 10; --quick 3)
  --rounds N        measured rounds per side, interleaved B,C,B,C… (default 3; --quick 1)
  --warmup S        seconds of the discarded warm-up round per side (default 3; --quick 1)
  --quick           smoke run: one 3 s round each after a 1 s warm-up
  --no-pin          do not pin the app to core 0 and the load generator + services to core 1
  --no-build        reuse dist/apps/api/main.js instead of running \`nest build api\`
  --cpu-prof        write a V8 CPU profile of the api app (whole run) into bench/results/`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const RATIO_TARGET = 0.6; // issue 16: the durable, validated, idempotent endpoint ≥ 0.6× bare COPY (A5-a said 0.5×)
const CV_LIMIT = 0.1;
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      batch: { type: 'string' },
      'large-batch': { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  return {
    batch: number('batch', 50, 1),
    largeBatch: number('large-batch', 200, 0),
    connections: number('connections', 8, 1),
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    warmup: number('warmup', quick ? 1 : 3, 0),
    pin: !values['no-pin'],
    build: !values['no-build'],
    cpuProf: values['cpu-prof'],
  };
}

/** A realistic player batch: a start then heartbeats, all fresh ids (every event is a new durable row). */
function clientBatch(size, videoId, channelId) {
  const now = Date.now();
  const sessionId = randomUUID();
  return Array.from({ length: size }, (_, i) => ({
    eventId: randomUUID(),
    name: i === 0 ? 'video_start' : 'video_progress',
    timestamp: new Date(now - (size - i) * 1_000).toISOString(),
    sessionId,
    videoId,
    properties: {
      channelId,
      duration: 600,
      position: i * 10,
      elapsed: 10,
      url: 'https://app.example.com/watch?utm_source=bench',
    },
  }));
}

const csvCell = (value) => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
};

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  // Each row of the report: one batch size, both sides measured in the same interleaved rounds.
  const sizes = [
    options.batch,
    ...(options.largeBatch && options.largeBatch !== options.batch ? [options.largeBatch] : []),
  ];
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `ingest benchmark: batches of ${sizes.join(' and ')}, ${options.connections} clients per side, ${options.rounds} × ${options.duration} s rounds after ${options.warmup} s warm-up`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) {
    console.log('\n▸ building the api app (nest build api)');
    const result = spawnSync(`${BIN}/nest`, ['build', 'api'], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nest build api failed:\n${result.stdout}${result.stderr}`);
  } else if (!existsSync(`${ROOT}dist/apps/api/main.js`))
    throw new Error('dist/apps/api/main.js is missing: drop --no-build');

  console.log('\n▸ starting embedded PostgreSQL and redis-server, migrating');
  const services = await startServices();
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const { EVENT_COLUMNS } = await importSource('libs/insights/src/infrastructure/persistence/sql-event-store.ts');
  const port = await freePort();
  const profileArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${ROOT}bench/results`] : [];
  const app = startChild('api app', process.execPath, [...profileArgs, 'dist/apps/api/main.js'], {
    cwd: ROOT,
    core: layout.pinned ? layout.serverCore : undefined,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: services.databaseUrl,
      ...apiAppEnv(services),
      // Every client shares one address here: the write budget is still spent per request, never exhausted.
      WRITE_RATE_LIMIT_PER_IP: '100000000',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, app, 120_000); // a loaded 2-core machine boots the app in 20-40 s
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: options.connections });

  const videoId = randomUUID();
  const channelId = randomUUID();
  // A published video, as studio.video-published.v1 leaves it: the app attributes the events to its channel,
  // so both sides store the same rows (an unknown video would also cost the app a lookup in studio).
  await pool.query(
    `insert into insights.videos (video_id, channel_id, creator_id, duration_seconds, published_at) values ($1, $2, $2, 600, now())`,
    [videoId, channelId],
  );
  // The rows the app would store for a batch, built by the same code path's column list, for COPY.
  const copyRows = (batch) =>
    batch
      .map((event) => {
        const row = {
          event_id: event.eventId,
          occurred_at: event.timestamp,
          received_at: new Date().toISOString(),
          name: event.name,
          source: 'client',
          session_id: event.sessionId,
          user_id: null,
          viewer_key: `s:${event.sessionId}`,
          video_id: videoId,
          channel_id: channelId,
          creator_id: channelId,
          properties: event.properties,
          device: 'desktop',
          os: 'Linux',
          country: null,
          referrer: null,
          traffic_source: 'bench',
          utm_source: 'bench',
          utm_medium: null,
          utm_campaign: null,
          position_pct: Math.floor((event.properties.position / 600) * 100),
          watch_seconds: 10,
          amount_cents: null,
        };
        return EVENT_COLUMNS.map((column) => csvCell(row[column])).join(',');
      })
      .join('\n') + '\n';

  const candidate = (size) => async () => {
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify({ events: clientBatch(size, videoId, channelId) }),
    });
    const body = await response.json();
    if (response.status !== 200 || body.accepted !== size)
      throw new Error(`POST /v1/events answered ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    return body.accepted;
  };
  const baseline = (size) => async () => {
    const client = await pool.connect();
    try {
      const data = copyRows(clientBatch(size, videoId, channelId));
      await pipeline(
        Readable.from([data]),
        client.query(copyFrom(`copy insights.events (${EVENT_COLUMNS.join(', ')}) from stdin with (format csv)`)),
      );
      return size;
    } finally {
      client.release();
    }
  };
  const sides = sizes.flatMap((size) => [
    { key: `baseline@${size}`, side: 'baseline', size, worker: baseline(size) },
    { key: `candidate@${size}`, side: 'candidate', size, worker: candidate(size) },
  ]);
  // CPU of each process group around a round: where the time per event goes, whatever else loads the machine.
  const groups = cpuGroups({ app: app.pid }, { postgresDataDir: `${services.root}/postgres` });
  const CPU_GROUPS = { app: 'app', postgres: 'postgres', redis: 'redis', loadGenerator: 'load generator' };

  if (options.warmup > 0) {
    console.log(`\n▸ warm-up (${options.warmup} s each, discarded)`);
    for (const { worker } of sides) await closedLoop(options.connections, options.warmup, worker);
  }
  console.log('\n▸ measuring (interleaved)');
  const rounds = Object.fromEntries(sides.map(({ key }) => [key, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const { key, worker } of sides) {
      const before = groups.snapshot();
      const result = await closedLoop(options.connections, options.duration, worker);
      const after = groups.snapshot();
      const shares = groups.between(before, after);
      const elapsedMs = after.at - before.at;
      // Share of a core × elapsed ms = CPU ms; per 1,000 stored events.
      result.cpuMsPer1000Events = Object.fromEntries(
        Object.entries(CPU_GROUPS).map(([name, group]) => [
          name,
          result.units ? ((shares[group] * elapsedMs) / result.units) * 1000 : NaN,
        ]),
      );
      result.loadAverage = loadavg()[0];
      rounds[key].push(result);
      const cpu = result.cpuMsPer1000Events;
      console.log(
        `  round ${round}/${options.rounds}  ${key.padEnd(13)} ${thousands(result.unitsPerSecond)} events/s, ` +
          `p50 ${fixed(result.p50, 1)} ms, p95 ${fixed(result.p95, 1)} ms, max ${fixed(result.max, 0)} ms per batch (${result.requests})${result.errors ? `, ${result.errors} errors` : ''}; ` +
          `CPU ms per 1,000 events: app ${fixed(cpu.app, 1)}, PostgreSQL ${fixed(cpu.postgres, 1)}, Redis ${fixed(cpu.redis, 1)}, load generator ${fixed(cpu.loadGenerator, 1)}; load average ${fixed(result.loadAverage, 1)}`,
      );
    }
  }
  const rates = (key) => rounds[key].map((r) => r.unitsPerSecond);
  const medianCpu = (key) =>
    Object.fromEntries(
      Object.keys(CPU_GROUPS).map((name) => [name, median(rounds[key].map((r) => r.cpuMsPer1000Events[name]))]),
    );
  const rows = sizes.map((size) => {
    const [b, c] = [`baseline@${size}`, `candidate@${size}`];
    return {
      batch: size,
      baselineEventsPerSecond: median(rates(b)),
      candidateEventsPerSecond: median(rates(c)),
      ratio: median(rounds[c].map((r, i) => r.unitsPerSecond / rounds[b][i].unitsPerSecond)),
      // Medians of each round's CPU per 1,000 events, per process group (the app is idle on the baseline side).
      baselineCpuMsPer1000Events: medianCpu(b),
      candidateCpuMsPer1000Events: medianCpu(c),
    };
  });
  const [target] = rows;
  const summary = {
    baselineEventsPerSecond: target.baselineEventsPerSecond,
    candidateEventsPerSecond: target.candidateEventsPerSecond,
    ratio: target.ratio,
    appCpuMsPer1000Events: target.candidateCpuMsPer1000Events.app,
    rows,
    loadAverage: median(Object.values(rounds).flatMap((list) => list.map((r) => r.loadAverage))),
    target: RATIO_TARGET,
    warnings: [],
  };
  for (const { key } of sides) {
    const cv = coefficientOfVariation(rates(key));
    if (rounds[key].length > 1 && cv > CV_LIMIT)
      summary.warnings.push(`${key}: rounds vary by ${fixed(cv * 100, 0)}% (> ${CV_LIMIT * 100}%): noisy machine`);
    if (rounds[key].some((r) => r.errors)) summary.warnings.push(`${key}: some requests failed`);
  }
  const cpuCells = (cpu) => [
    fixed(cpu.app, 1),
    fixed(cpu.postgres, 1),
    fixed(cpu.redis, 1),
    fixed(cpu.loadGenerator, 1),
  ];
  console.log(
    `\n${table([
      ['', 'events/s (median)', 'per round', 'app', 'PostgreSQL', 'Redis', 'load gen.'],
      ...rows.flatMap((row) => [
        [
          `bare COPY, ${row.batch} per batch`,
          thousands(row.baselineEventsPerSecond),
          rates(`baseline@${row.batch}`).map(thousands).join(', '),
          ...cpuCells(row.baselineCpuMsPer1000Events),
        ],
        [
          `POST /v1/events, ${row.batch} per batch`,
          thousands(row.candidateEventsPerSecond),
          rates(`candidate@${row.batch}`).map(thousands).join(', '),
          ...cpuCells(row.candidateCpuMsPer1000Events),
        ],
      ]),
    ])}\n(app, PostgreSQL, Redis, load gen.: CPU ms per 1,000 events, median of rounds; load average ${fixed(summary.loadAverage, 1)})\n\n` +
      rows
        .map(
          (row, i) =>
            `ratio candidate / baseline, ${row.batch} per batch: ${fixed(row.ratio, 2)}×` +
            (i === 0
              ? ` (target ≥ ${RATIO_TARGET}×) ${row.ratio >= RATIO_TARGET ? 'PASS' : 'BELOW TARGET'}`
              : ' (for comparison: per-request costs amortized over a larger batch)'),
        )
        .join('\n'),
  );
  for (const warning of summary.warnings) console.log(`WARNING: ${warning}`);
  await pool.end();
  const file = writeResults('ingest', { startedAt, machine, layout, options, rounds, summary });
  console.log(`results: ${file}`);
  return 0;
}
