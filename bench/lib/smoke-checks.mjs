// What bench/smoke.mjs requires of each benchmark's results file: the comparison it exists to print.

export const finite = (value) => typeof value === 'number' && Number.isFinite(value);

/**
 * What each benchmark must have compared: named numbers read from its results file, each of which must be
 * finite (a ratio that is NaN in the run is null in the JSON). `apps` are the bundles it runs.
 */
export const CASES = [
  {
    name: 'http --live',
    args: ['http', '--live', '--quick'],
    apps: ['api'],
    compared: (r) => [
      ...scenarios(r).map(([name, s]) => [`${name}: req/s ratio`, s.summary?.ratio]),
      ['/health/live: app vs bare Fastify', liveOf(r)?.ratio],
      ['/health/live: NestJS alone vs bare Fastify', liveOf(r)?.nestOnlyRatio],
    ],
  },
  {
    name: 'http --read',
    args: ['http', '--read', '--quick'],
    apps: ['api'],
    compared: (r) =>
      scenarios(r).flatMap(([name, s]) => [
        [`${name}: req/s ratio`, s.summary?.ratio],
        [`${name}: CPU/request ratio`, s.summary?.cpuPerRequestRatio],
      ]),
  },
  {
    name: 'messaging',
    args: ['messaging', '--quick'],
    apps: ['api'],
    compared: (r) => [
      ['memory/socket ratio', r.memory?.ratio],
      // Delivered share, not CPU/message: a starved candidate may fall behind at a high step, where it then has
      // no CPU per message; but at the first (lowest) step it must deliver something, or delivery is broken.
      ...(r.steps ?? [{}]).flatMap((step, index) =>
        Object.entries(step.summary?.versus ?? { baseline: {} }).map(([role, versus]) => [
          `delivered ratio vs ${role} at ${step.rate} msg/s`,
          index === 0 && !(versus.deliveredRatio > 0) ? undefined : versus.deliveredRatio,
        ]),
      ),
    ],
  },
  {
    name: 'ingest',
    args: ['ingest', '--quick'],
    apps: ['api'],
    compared: (r) => [['events/s ratio', r.summary?.ratio]],
  },
  {
    name: 'search',
    args: ['search', '--quick'],
    apps: ['api'],
    compared: (r) => [
      ['search p95 ratio', r.summary?.p95Ratio?.search],
      ['autocomplete p95 ratio', r.summary?.p95Ratio?.suggest],
    ],
  },
  {
    // No bare baseline for a mix of routes: each step's p95 is compared with the 200 ms target instead.
    name: 'load',
    args: ['load', '--quick'],
    apps: ['api', 'worker'],
    compared: (r) => [
      ['steps measured', r.steps?.length && r.steps.length === r.options?.rates?.length ? r.steps.length : undefined],
      ...(r.steps ?? [{}]).map((s) => [
        `p95 ms at ${s.rate} req/s (${typeof s.held === 'boolean' ? (s.held ? 'held' : 'missed') : 'no verdict'})`,
        typeof s.held === 'boolean' ? s.all?.p95 : undefined,
      ]),
    ],
  },
];

/** An http run's scenarios (one results entry each); an empty list when the file has none. */
const scenarios = (r) => Object.entries(r.results ?? {});
/** The `/health/live` summary, written by the run's last scenario. */
const liveOf = (r) => scenarios(r).find(([, s]) => s.live)?.[1].live.summary;

/** The problems with one run's results file (none: it compared what it should). */
export function checkResults(benchCase, results) {
  const rows = benchCase.compared(results);
  const problems = rows.filter(([, value]) => !finite(value)).map(([label, value]) => `${label}: ${value}`);
  return { rows, problems: rows.length ? problems : ['nothing compared'] };
}
