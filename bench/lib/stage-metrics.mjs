// Where an operation's time goes, from the app's own /metrics: the operation_stage_duration_seconds histogram
// (a Stopwatch per run, libs/platform/src/observability/stopwatch.ts), read before and after a measured round.

const LINE = /^operation_stage_duration_seconds_(bucket|sum|count)\{([^}]*)\} (\S+)$/gm;

/** The histogram's samples for `operation`, by stage: buckets (le -> cumulative count), sum and count. */
export async function readStages(url, operation) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const stages = new Map();
  for (const [, kind, labelText, value] of text.matchAll(LINE)) {
    const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
    if (labels.operation !== operation) continue;
    const stage = stages.get(labels.stage) ?? { buckets: new Map(), sum: 0, count: 0 };
    if (kind === 'bucket') stage.buckets.set(labels.le, Number(value));
    else stage[kind] = Number(value);
    stages.set(labels.stage, stage);
  }
  return stages;
}

/**
 * Per stage between two readings: runs, mean ms and p95 ms (the upper bound of the bucket holding the 95th
 * percentile, so a coarse figure), in the order the stages first appear.
 */
export function stagesBetween(before, after) {
  const result = [];
  for (const [stage, now] of after) {
    const then = before.get(stage) ?? { buckets: new Map(), sum: 0, count: 0 };
    const count = now.count - then.count;
    if (count <= 0) continue;
    const bounds = [...now.buckets.keys()].filter((le) => le !== '+Inf').sort((a, b) => Number(a) - Number(b));
    const p95 = bounds.find((le) => now.buckets.get(le) - (then.buckets.get(le) ?? 0) >= 0.95 * count);
    result.push({
      stage,
      count,
      meanMs: ((now.sum - then.sum) / count) * 1000,
      p95Ms: p95 === undefined ? Infinity : Number(p95) * 1000,
    });
  }
  return result;
}

/** `rate-limit 0.4/1.0 · begin 0.3/0.5 · …` (mean/p95 ms), and the stages' summed means. */
export function stagesLine(stages) {
  const total = stages.reduce((sum, s) => sum + s.meanMs, 0);
  const p95 = (ms) => (ms === Infinity ? '>2500' : ms < 1 ? ms.toFixed(1) : ms.toFixed(0));
  return `${stages.map((s) => `${s.stage} ${s.meanMs.toFixed(1)}/${p95(s.p95Ms)}`).join(' · ')}  (mean/p95 ms; means sum to ${total.toFixed(1)} ms)`;
}
