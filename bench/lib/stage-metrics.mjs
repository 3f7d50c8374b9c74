// Where an operation's time goes, from the app's own /metrics, read before and after a measured round: the
// operation_stage_duration_seconds histogram (a Stopwatch per run, libs/platform/src/observability/stopwatch.ts),
// socket_event_duration_seconds (receipt to acknowledgement, the socket adapter), and Node's own event-loop delay
// and garbage collection (prom-client's default metrics).

const SAMPLE = /^(\w+?)(?:_(bucket|sum|count))?(?:\{([^}]*)\})? (\S+)$/gm;

/** One reading of /metrics: each histogram's series as { labels, buckets (le -> cumulative count), sum, count }. */
export async function readServerMetrics(url) {
  return parseMetrics(await (await fetch(`${url}/metrics`)).text());
}

export function parseMetrics(text) {
  const series = new Map();
  const gauges = new Map();
  for (const [, name, kind, labelText = '', value] of text.matchAll(SAMPLE)) {
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (!kind) {
      gauges.set(name, Number(value));
      continue;
    }
    const { le, ...rest } = labels;
    const key = `${name}${JSON.stringify(rest)}`;
    const entry = series.get(key) ?? { name, labels: rest, buckets: new Map(), sum: 0, count: 0 };
    if (kind === 'bucket') entry.buckets.set(le, Number(value));
    else entry[kind] = Number(value);
    series.set(key, entry);
  }
  return { series, gauges };
}

/** Runs, mean ms and p95 ms of one histogram series between two readings (p95: its bucket's upper bound, coarse). */
function between(then, now) {
  const count = now.count - (then?.count ?? 0);
  if (count <= 0) return undefined;
  const bounds = [...now.buckets.keys()].filter((le) => le !== '+Inf').sort((a, b) => Number(a) - Number(b));
  const p95 = bounds.find((le) => now.buckets.get(le) - (then?.buckets.get(le) ?? 0) >= 0.95 * count);
  return {
    count,
    meanMs: ((now.sum - (then?.sum ?? 0)) / count) * 1000,
    p95Ms: p95 === undefined ? Infinity : Number(p95) * 1000,
  };
}

/** The series of histogram `name` whose labels include `match`, between two readings, each with its labels. */
function seriesBetween(before, after, name, match) {
  const result = [];
  for (const [key, now] of after.series) {
    if (now.name !== name || !Object.entries(match).every(([k, v]) => now.labels[k] === v)) continue;
    const delta = between(before.series.get(key), now);
    if (delta) result.push({ labels: now.labels, ...delta });
  }
  return result;
}

/** Per stage of `operation` between two readings: runs, mean ms and p95 ms, in the order the stages first appear. */
export function stagesBetween(before, after, operation) {
  return seriesBetween(before, after, 'operation_stage_duration_seconds', { operation }).map(({ labels, ...s }) => ({
    stage: labels.stage,
    ...s,
  }));
}

/**
 * The server's side of a round: the socket event from receipt to acknowledgement (`event`, successful ones), the
 * event loop's p99 and max delay since the previous reading (prom-client resets them at each scrape), and the
 * garbage collector's pauses by kind.
 */
export function serverBetween(before, after, event) {
  const [socket] = seriesBetween(before, after, 'socket_event_duration_seconds', { event, outcome: 'ok' });
  const gc = seriesBetween(before, after, 'nodejs_gc_duration_seconds', {}).map(({ labels, count, meanMs }) => ({
    kind: labels.kind,
    count,
    totalMs: count * meanMs,
  }));
  return {
    socket,
    loopP99Ms: (after.gauges.get('nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
    loopMaxMs: (after.gauges.get('nodejs_eventloop_lag_max_seconds') ?? NaN) * 1000,
    gc,
  };
}

const ms = (value) => (value === Infinity ? '>2500' : value < 1 ? value.toFixed(1) : value.toFixed(0));

/** `rate-limit 0.4/1.0 · begin 0.3/0.5 · …` (mean/p95 ms), and the stages' summed means. */
export function stagesLine(stages) {
  const total = stages.reduce((sum, s) => sum + s.meanMs, 0);
  return `${stages.map((s) => `${s.stage} ${s.meanMs.toFixed(1)}/${ms(s.p95Ms)}`).join(' · ')}  (mean/p95 ms; means sum to ${total.toFixed(1)} ms)`;
}

/** `receipt→ack 12.3/50 · event loop p99 8 max 45 ms · gc major 2 (160 ms), minor 40 (50 ms)`. */
export function serverLine({ socket, loopP99Ms, loopMaxMs, gc }) {
  const pauses = gc
    .filter((g) => g.count > 0 && (g.kind === 'major' || g.kind === 'minor'))
    .map((g) => `${g.kind} ${g.count} (${g.totalMs.toFixed(0)} ms)`)
    .join(', ');
  return [
    socket ? `receipt→ack ${socket.meanMs.toFixed(1)}/${ms(socket.p95Ms)}` : 'receipt→ack none',
    `event loop delay p99 ${ms(loopP99Ms)} max ${ms(loopMaxMs)} ms`,
    `gc ${pauses || 'none'}`,
  ].join(' · ');
}
