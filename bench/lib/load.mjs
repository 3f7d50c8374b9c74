// One closed-model load round with autocannon, with exact latency percentiles and CPU use per core/process.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { errorBody, outcomes, problemCode, transportError } from './outcomes.mjs';
import { percentile } from './stats.mjs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Runs `requests` (rotated per connection) against `url` for `duration` seconds with `connections`
 * concurrent keep-alive connections, no pipelining. `serverPid` (and the idle `otherPids` sharing its
 * core) are sampled for CPU use; `serverIdleCpu` (the server's share of a core with no requests, from
 * measureIdleCpu) is subtracted before the CPU per request is computed.
 */
export async function runRound({ url, requests, connections, duration, serverPid, otherPids = [], serverIdleCpu = 0 }) {
  // autocannon's histogram keeps whole milliseconds and has no p95: record every 2xx latency instead.
  const latencies = [];
  const before = sampleCpu(serverPid, otherPids);
  const instance = autocannon({ url, requests, connections, duration, pipelining: 1, timeout: 10 });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const after = sampleCpu(serverPid, otherPids);
  latencies.sort((a, b) => a - b);
  const cpu = cpuBetween(before, after);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    durationSeconds: result.duration,
    completed: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    cpu,
    // Server CPU time per completed request: what the code costs, even when the database is the limit.
    serverCpuMsPerRequest: (Math.max(0, cpu.server - serverIdleCpu) * cpu.seconds * 1000) / result.requests.total,
    serverIdleCpu,
    serverCpuMsPerRequestWithIdle: (cpu.server * cpu.seconds * 1000) / result.requests.total,
  };
}

/** Busy share (0-1) of each core over the next `ms` milliseconds; {} where /proc/stat is missing. */
export async function measureCoreBusy(ms) {
  const before = readCores();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = readCores();
  if (!before || !after) return {};
  return Object.fromEntries(
    Object.entries(before).map(([core, start]) => [
      core,
      (after[core].busy - start.busy) / (after[core].total - start.total || 1),
    ]),
  );
}

function sampleCpu(serverPid, otherPids) {
  const others = otherPids.map(readProcessTicks);
  return {
    at: process.hrtime.bigint(),
    self: process.cpuUsage(),
    cores: readCores(),
    server: readProcessTicks(serverPid),
    others: others.includes(undefined) ? undefined : others.reduce((sum, t) => sum + t, 0),
  };
}

/** Busy share (0-1) of each core, of the server process and of this process (the load generator). */
function cpuBetween(before, after) {
  const seconds = Number(after.at - before.at) / 1e9;
  const cores = {};
  if (before.cores && after.cores) {
    for (const [name, start] of Object.entries(before.cores)) {
      const end = after.cores[name];
      const total = end.total - start.total;
      cores[name] = total > 0 ? (end.busy - start.busy) / total : 0;
    }
  }
  const selfMicros = after.self.user - before.self.user + (after.self.system - before.self.system);
  const share = (key) =>
    before[key] !== undefined && after[key] !== undefined
      ? (after[key] - before[key]) / CLOCK_TICKS_PER_SECOND / seconds
      : undefined;
  return {
    seconds,
    cores,
    server: share('server'),
    idleServers: share('others'),
    loadGenerator: selfMicros / 1e6 / seconds,
  };
}

function readCores() {
  try {
    const cores = {};
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const match = /^(cpu\d+)\s+(.*)$/.exec(line);
      if (!match) continue;
      const ticks = match[2].split(/\s+/).map(Number);
      const idle = ticks[3] + (ticks[4] ?? 0); // idle + iowait
      const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0); // guest time is already in user
      cores[match[1]] = { busy: total - idle, total };
    }
    return cores;
  } catch {
    return undefined; // not Linux
  }
}

/** utime + stime of every thread of `pid`, in clock ticks (100 a second); undefined once it is gone. */
export function readProcessTicks(pid) {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "; field 3 (state) first
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * One OPEN-model round: requests start at a fixed arrival rate (`rate` per second, evenly spaced) whatever
 * the server's state, each on its own keep-alive connection of an undici pool of up to `connections`.
 * Latency runs from the scheduled start, so a late start counts against the result (no coordinated
 * omission, as in wrk2). An arrival that finds all connections waiting on the server is dropped and
 * counted as an error (k6's "dropped iterations"). `requests` ({ kind, path, method?, headers?, body? })
 * rotate in order, or `nextRequest(i)` builds arrival i (then `kinds` lists the kinds to report);
 * percentiles are computed per kind from every latency. autocannon's `overallRate` is not used: it paces
 * each connection, which waits for its response before the next request (a closed model with a rate cap).
 */
export async function runOpenRound({
  url,
  requests,
  nextRequest = (i) => requests[i % requests.length],
  kinds = [...new Set(requests.map((r) => r.kind))],
  rate,
  duration,
  serverPid,
  otherPids = [],
  connections = 128,
  timeoutMs = 10_000,
}) {
  const { Pool } = await import('undici');
  const pool = new Pool(url, { connections, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const total = Math.round(rate * duration);
  const interval = 1000 / rate;
  const records = []; // { kind, latency, status, code, error }
  const lags = [];
  const inFlight = new Set();
  const before = sampleCpu(serverPid, otherPids);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    lags.push(performance.now() - due);
    const { kind, path, method = 'GET', headers, body } = nextRequest(i);
    if (inFlight.size >= connections) {
      // Every connection waits on the server: the arrival is dropped and counted (k6's "dropped iterations"),
      // which bounds the backlog a saturated server is left to work off after the round.
      records.push({ kind, error: 'dropped: all connections busy', dropped: true });
      continue;
    }
    const request = pool
      .request({ method, path, headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
      .then(async ({ statusCode, body: answer }) => {
        // An error answer's problem+json `code` says what failed; a success's body is only drained.
        const ok = statusCode >= 200 && statusCode < 300;
        const code = ok ? (await answer.dump({ limit: Infinity }), undefined) : problemCode(await errorBody(answer));
        records.push({ kind, latency: performance.now() - due, status: statusCode, ...(code && { code }) });
      })
      .catch((error) => records.push({ kind, latency: performance.now() - due, error: transportError(error) }));
    inFlight.add(request);
    request.finally(() => inFlight.delete(request));
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  const after = sampleCpu(serverPid, otherPids);
  await pool.close();
  const cpu = cpuBetween(before, after);
  const summarize = (list) => {
    const ok = list.filter((r) => !r.error && r.status >= 200 && r.status < 300);
    const latencies = ok.map((r) => r.latency).sort((a, b) => a - b);
    return {
      count: list.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1),
      errors: list.filter((r) => r.error).length,
      dropped: list.filter((r) => r.dropped).length,
      non2xx: list.filter((r) => !r.error && (r.status < 200 || r.status >= 300)).length,
      ...outcomes(list),
    };
  };
  lags.sort((a, b) => a - b);
  return {
    rate,
    sentPerSecond: total / sendSeconds,
    completed: records.length,
    all: summarize(records),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, summarize(records.filter((r) => r.kind === kind))])),
    errorSamples: [...new Set(records.filter((r) => r.error).map((r) => r.error))].slice(0, 5),
    // How late the generator started requests (its own CPU starvation shows here, and inflates latencies).
    scheduleLag: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) },
    cpu,
    // Per answered request: dropped arrivals never reached the server.
    serverCpuMsPerRequest: (cpu.server * cpu.seconds * 1000) / Math.max(1, records.filter((r) => !r.error).length),
  };
}

/** CPU share (0-1) `pid` uses over `ms` with no requests: timers, pollers and schedulers running idle. */
export async function measureIdleCpu(pid, ms) {
  const before = readProcessTicks(pid);
  const started = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = readProcessTicks(pid);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return before === undefined || after === undefined ? undefined : (after - before) / CLOCK_TICKS_PER_SECOND / seconds;
}

/**
 * A closed-model round inside this process: `connections` loops each await `worker()` back to back for
 * `seconds`, every latency kept (ms). A worker may return how many units it handled (rows, events);
 * anything else counts as one.
 */
export async function closedLoop(connections, seconds, worker) {
  const deadline = performance.now() + seconds * 1_000;
  const latencies = [];
  let units = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          const handled = await worker(); // not `units += await …`: that reads `units` before awaiting and loses updates
          units += typeof handled === 'number' ? handled : 1;
          latencies.push(performance.now() - started);
        } catch (error) {
          errors += 1;
          if (errors === 1) console.log(`  first error: ${error.message}`);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    units,
    unitsPerSecond: units / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    errors,
  };
}
