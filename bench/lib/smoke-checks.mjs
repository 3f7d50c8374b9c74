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
      ['req/s ratio', r.summary?.ratio],
      ['/health/live ratio', r.live?.summary?.ratio],
    ],
  },
  {
    name: 'http --read',
    args: ['http', '--read', '--quick'],
    apps: ['api'],
    compared: (r) => [
      ['req/s ratio', r.summary?.ratio],
      ['CPU/request ratio', r.summary?.cpuPerRequestRatio],
    ],
  },
  {
    name: 'messaging',
    args: ['messaging', '--quick'],
    apps: ['api'],
    compared: (r) => [
      ['memory/socket ratio', r.memory?.ratio],
      // Delivered share, not CPU/message: a candidate starved by a busy machine may deliver nothing in a step
      // (seen at nice 19 beside other work), and then has no CPU per message; 0× is still a comparison.
      ...(r.steps ?? [{}]).flatMap((step) =>
        Object.entries(step.summary?.versus ?? { baseline: {} }).map(([role, versus]) => [
          `delivered ratio vs ${role} at ${step.rate} msg/s`,
          versus.deliveredRatio,
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

/** The problems with one run's results file (none: it compared what it should). */
export function checkResults(benchCase, results) {
  const rows = benchCase.compared(results);
  const problems = rows.filter(([, value]) => !finite(value)).map(([label, value]) => `${label}: ${value}`);
  return { rows, problems: rows.length ? problems : ['nothing compared'] };
}
