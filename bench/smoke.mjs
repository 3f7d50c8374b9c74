// `npm run bench:smoke`: issue 16's benchmarks in their --quick form, as CI's smoke test. Each one must exit 0
// within its time limit, write one results file holding its comparison, and leave no process or data behind.
// The numbers themselves are not judged: on a shared CI machine they are noise.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { table } from './lib/report.mjs';
import { CASES, checkResults, finite } from './lib/smoke-checks.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = `npm run bench:smoke [-- options]

Runs ${CASES.map((c) => `\`${c.args.join(' ')}\``).join(', ')} one after another, after building the
apps once (the benchmarks then run with --no-build). Fails when one exits non-zero, outlives its time limit,
writes no results file or one without its comparison, or leaves a process or its temporary data behind.

  --only LIST     comma-separated names from the list above (e.g. "ingest,http --read")
  --timeout S     seconds each benchmark may take, stop included (default 600)
  --jobs N        benchmarks at a time (default 1; two share the cores and each pins its own)
  --wait-scale N  app boots and cleanup steps may take N times the benchmarks' own limits (default 4: at
                  nice 19 beside the tests, an api boot took 29 s of the http benchmark's 30)
  --no-build      reuse dist/apps/{api,worker}/main.js`;

// ---------------------------------------------------------------------------------------------------------------
// Processes of one benchmark: every descendant inherits BENCH_SMOKE_MARK (the benchmarks spread process.env into
// their children's environments, pg_ctl's postmaster included), so they are found in /proc even after they were
// detached or re-parented. Linux only; elsewhere the leftover check is skipped.

const HAS_PROC = (() => {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
})();

/** pid → { cpuTicks, command } of the live processes whose environment carries `mark`. */
function markedProcesses(mark) {
  const found = new Map();
  if (!HAS_PROC) return found;
  const needle = `\0BENCH_SMOKE_MARK=${mark}\0`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!`\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`.includes(needle)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // exited, only waiting for its parent to collect it
      const command = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ').trim();
      // utime + stime (fields 14 and 15 of stat) in clock ticks; starttime keeps a reused pid apart.
      found.set(`${entry}:${fields[19]}`, {
        pid: Number(entry),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
        command: command.slice(0, 160),
      });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one benchmark; resolves with what the summary table and the verdict need. */
async function runCase(benchCase, index, options, output) {
  const mark = `${process.pid}-${index}`;
  // A temporary folder of its own: the services' data must be gone when it stops, and nothing else is in there.
  const scratch = mkdtempSync(join(tmpdir(), `showrunner-smoke-${index}-`));
  chmodSync(scratch, 0o755); // as root, PostgreSQL runs as its own user and must reach its data below this
  const resultsDir = join(scratch, 'results');
  mkdirSync(resultsDir);
  // tsx keeps its compile cache in the temporary folder: the shared one stays warm across benchmarks.
  const tsxCache = `tsx-${process.geteuid?.() ?? userInfo().username}`;
  mkdirSync(join(tmpdir(), tsxCache), { recursive: true });
  symlinkSync(join(tmpdir(), tsxCache), join(scratch, tsxCache));
  const env = {
    ...process.env,
    BENCH_SMOKE_MARK: mark,
    BENCH_RESULTS_DIR: resultsDir,
    TMPDIR: scratch,
    BENCH_WAIT_SCALE: String(options.waitScale),
  };
  const args = [...benchCase.args, '--no-build']; // built once, before the first
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'bench/run.mjs'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout.on('data', output);
  child.stderr.on('data', output);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  // CPU of the whole tree, as last seen per process (sampled each second: a rough figure, for the table).
  const cpu = new Map();
  const sample = () => {
    for (const [key, { cpuTicks }] of markedProcesses(mark)) cpu.set(key, cpuTicks);
  };
  const sampler = setInterval(sample, 1_000);
  const problems = [];
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    // SIGTERM lets run.mjs stop its servers and services (each cleanup step is bounded to 10 s).
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  }, options.timeout * 1_000);
  const exit = await exited;
  clearTimeout(limit);
  const seconds = (Date.now() - started) / 1_000;
  if (timedOut) problems.push(`still running after ${options.timeout} s: stopped`);
  else if (exit !== 0) problems.push(`exited with ${exit}`);

  // pg_ctl stop returns when the postmaster has said goodbye, not always when its last process is gone.
  let left = markedProcesses(mark);
  for (let waited = 0; left.size && waited < 10_000; waited += 250) {
    await sleep(250);
    left = markedProcesses(mark);
  }
  clearInterval(sampler);
  if (left.size) {
    problems.push(
      `left ${left.size} process(es) running (killed now): ${[...left.values()].map((p) => `${p.pid} ${p.command}`).join('; ')}`,
    );
    for (const { pid } of left.values()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  const leftData = readdirSync(scratch).filter((name) => name !== 'results' && name !== tsxCache);
  if (leftData.length) problems.push(`left temporary data behind: ${leftData.join(', ')}`);

  const files = readdirSync(resultsDir).filter((name) => name.endsWith('.json'));
  let rows = [];
  if (files.length !== 1) problems.push(`${files.length} results files (one expected)`);
  else {
    try {
      const checked = checkResults(benchCase, JSON.parse(readFileSync(join(resultsDir, files[0]), 'utf8')));
      rows = checked.rows;
      for (const problem of checked.problems) problems.push(`no comparison: ${problem}`);
    } catch (error) {
      problems.push(`results file unreadable: ${error.message}`);
    }
  }
  rmSync(scratch, { recursive: true, force: true });
  const cpuSeconds = [...cpu.values()].reduce((sum, ticks) => sum + ticks, 0) / CLOCK_TICKS;
  return { benchCase, seconds, cpuSeconds, rows, problems };
}

function build(apps) {
  for (const app of apps) {
    const started = Date.now();
    console.log(`▸ nest build ${app}`);
    const result = spawnSync(join(ROOT, 'node_modules/.bin/nest'), ['build', app], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) {
      console.error(`nest build ${app} failed:\n${result.stdout}${result.stderr}`);
      process.exit(1);
    }
    console.log(`  ${((Date.now() - started) / 1_000).toFixed(1)} s`);
  }
}

async function main() {
  if (Number(process.versions.node.split('.')[0]) < 24) {
    console.error(`Node ${process.version} is too old: run \`npm run bench:smoke\` (the project's Node 24).`);
    return 1;
  }
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      timeout: { type: 'string', default: '600' },
      jobs: { type: 'string', default: '1' },
      'wait-scale': { type: 'string', default: '4' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = values.only?.split(',').map((name) => name.trim());
  const unknown = wanted?.filter((name) => !CASES.some((c) => c.name === name)) ?? [];
  if (unknown.length) {
    console.error(`Unknown: ${unknown.join(', ')}. Known: ${CASES.map((c) => c.name).join(', ')}`);
    return 1;
  }
  const cases = CASES.filter((c) => !wanted || wanted.includes(c.name));
  const options = {
    timeout: Number(values.timeout),
    jobs: Math.max(1, Number(values.jobs) || 1),
    waitScale: Math.max(1, Number(values['wait-scale']) || 1),
  };
  if (!HAS_PROC) console.log('No /proc here: the check for leftover processes is skipped.');
  const loadAverage = () =>
    spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout?.split(' ').slice(0, 3).join(' ');
  console.log(`bench smoke: ${cases.length} benchmark(s), ${options.jobs} at a time; load average ${loadAverage()}`);
  const started = Date.now();
  if (!values['no-build']) build([...new Set(cases.flatMap((c) => c.apps))]);

  // One at a time, output streams through; several, each one's output is printed whole when it ends.
  const outcomes = [];
  const queue = cases.map((benchCase, index) => ({ benchCase, index }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { benchCase, index } = next;
      const chunks = [];
      const header = `\n══ ${benchCase.args.join(' ')} ══`;
      if (options.jobs === 1) console.log(header);
      const output = options.jobs === 1 ? (chunk) => process.stdout.write(chunk) : (chunk) => chunks.push(chunk);
      const outcome = await runCase(benchCase, index, options, output);
      if (options.jobs > 1) process.stdout.write(`${header}\n${Buffer.concat(chunks).toString()}`);
      console.log(
        `── ${benchCase.name}: ${outcome.problems.length ? 'FAILED' : 'ok'} in ${outcome.seconds.toFixed(0)} s` +
          `${outcome.problems.map((p) => `\n   ${p}`).join('')}`,
      );
      outcomes[index] = outcome;
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, worker));

  const rows = [['benchmark', 'wall s', 'CPU s (sampled)', 'compared', 'verdict']];
  for (const { benchCase, seconds, cpuSeconds, rows: compared, problems } of outcomes.filter(Boolean)) {
    rows.push([
      benchCase.args.join(' '),
      seconds.toFixed(0),
      cpuSeconds.toFixed(0),
      compared
        .map(([label, value]) => `${label} ${finite(value) && !Number.isInteger(value) ? value.toFixed(2) : value}`)
        .join('; ') || '-',
      problems.length ? 'FAILED' : 'ok',
    ]);
  }
  console.log(`\n${table(rows)}`);
  const failed = outcomes.filter((o) => o?.problems.length);
  console.log(
    `\nbench smoke: ${failed.length ? `${failed.length} FAILED (${failed.map((o) => o.benchCase.name).join(', ')})` : 'all passed'}` +
      ` in ${((Date.now() - started) / 1_000).toFixed(0)} s; load average ${loadAverage()}`,
  );
  return failed.length ? 1 : 0;
}

// Ctrl-C reaches the benchmarks too (same process group): they stop their own servers while we wait for them.
// A SIGTERM (a CI timeout) reaches only us: it is passed on, and the leftover check still runs.
const running = new Set();
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => {
  for (const child of running) child.kill('SIGTERM');
});
process.exitCode = await main();
