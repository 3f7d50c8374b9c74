// `npm run bench -- ingest`: events/s through POST /v1/events (batches of 50, full api app) vs a bare COPY of the
// same rows into the same table (insights.events) with pg + pg-copy-streams, same machine, same run (A5-a).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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

export const description = 'POST /v1/events (batches of 50) through the api app vs a bare COPY of the same rows (A5-a)';

export const usage = `Options:
  --batch N         events per request / per COPY (default 50)
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

/** utime + stime of `pid` in ms (Linux), to report the app's own CPU per event whatever else loads the machine. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ ticks
  } catch {
    return undefined;
  }
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
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `ingest benchmark: batches of ${options.batch}, ${options.connections} clients per side, ${options.rounds} × ${options.duration} s rounds after ${options.warmup} s warm-up`,
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

  const candidate = () => async () => {
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
      body: JSON.stringify({ events: clientBatch(options.batch, videoId, channelId) }),
    });
    const body = await response.json();
    if (response.status !== 200 || body.accepted !== options.batch)
      throw new Error(`POST /v1/events answered ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    return body.accepted;
  };
  const baseline = () => async () => {
    const client = await pool.connect();
    try {
      const data = copyRows(clientBatch(options.batch, videoId, channelId));
      await pipeline(
        Readable.from([data]),
        client.query(copyFrom(`copy insights.events (${EVENT_COLUMNS.join(', ')}) from stdin with (format csv)`)),
      );
      return options.batch;
    } finally {
      client.release();
    }
  };
  const sides = { baseline, candidate };

  if (options.warmup > 0) {
    console.log(`\n▸ warm-up (${options.warmup} s each, discarded)`);
    for (const side of Object.keys(sides)) await closedLoop(options.connections, options.warmup, sides[side]());
  }
  console.log('\n▸ measuring (interleaved)');
  const rounds = { baseline: [], candidate: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const side of ['baseline', 'candidate']) {
      const cpuBefore = side === 'candidate' ? processCpuMs(app.pid) : undefined;
      const result = await closedLoop(options.connections, options.duration, sides[side]());
      const cpuAfter = side === 'candidate' ? processCpuMs(app.pid) : undefined;
      if (cpuBefore !== undefined && cpuAfter !== undefined && result.units)
        result.appCpuMsPer1000Events = ((cpuAfter - cpuBefore) / result.units) * 1000;
      rounds[side].push(result);
      console.log(
        `  round ${round}/${options.rounds}  ${side.padEnd(9)} ${thousands(result.unitsPerSecond)} events/s, ` +
          `p50 ${fixed(result.p50, 1)} ms, p95 ${fixed(result.p95, 1)} ms, max ${fixed(result.max, 0)} ms per batch (${result.requests})${result.errors ? `, ${result.errors} errors` : ''}` +
          (result.appCpuMsPer1000Events === undefined
            ? ''
            : `, app CPU ${fixed(result.appCpuMsPer1000Events, 1)} ms per 1,000 events`),
      );
    }
  }
  const rates = (side) => rounds[side].map((r) => r.unitsPerSecond);
  const ratios = rounds.candidate.map((r, i) => r.unitsPerSecond / rounds.baseline[i].unitsPerSecond);
  const summary = {
    baselineEventsPerSecond: median(rates('baseline')),
    candidateEventsPerSecond: median(rates('candidate')),
    ratio: median(ratios),
    // The app's own CPU per 1,000 events (not PostgreSQL's): comparable across runs even on a loaded machine.
    appCpuMsPer1000Events: median(rounds.candidate.map((r) => r.appCpuMsPer1000Events ?? NaN)),
    target: RATIO_TARGET,
    warnings: [],
  };
  for (const side of ['baseline', 'candidate']) {
    const cv = coefficientOfVariation(rates(side));
    if (rounds[side].length > 1 && cv > CV_LIMIT)
      summary.warnings.push(`${side}: rounds vary by ${fixed(cv * 100, 0)}% (> ${CV_LIMIT * 100}%): noisy machine`);
    if (rounds[side].some((r) => r.errors)) summary.warnings.push(`${side}: some requests failed`);
  }
  console.log(
    `\n${table([
      ['', 'events/s (median)', 'per round'],
      ['bare COPY (baseline)', thousands(summary.baselineEventsPerSecond), rates('baseline').map(thousands).join(', ')],
      [
        'POST /v1/events (candidate)',
        thousands(summary.candidateEventsPerSecond),
        rates('candidate').map(thousands).join(', '),
      ],
    ])}\n\nratio candidate / baseline: ${fixed(summary.ratio, 2)}× (target ≥ ${RATIO_TARGET}×) ${summary.ratio >= RATIO_TARGET ? 'PASS' : 'BELOW TARGET'}\n` +
      `api app CPU: ${fixed(summary.appCpuMsPer1000Events, 1)} ms per 1,000 events (median of rounds)`,
  );
  for (const warning of summary.warnings) console.log(`WARNING: ${warning}`);
  await pool.end();
  const file = writeResults('ingest', { startedAt, machine, layout, options, rounds, summary });
  console.log(`results: ${file}`);
  return 0;
}
