import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequestRaw } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventually, httpRequest } from '@lib/platform/testing';

const root = resolve(import.meta.dirname, '../..');

/** A node process the test started, its output captured. */
export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

export interface SourceProcess extends StartedProcess {
  /** Like Ctrl-C in its terminal: the signal goes to its whole process group. */
  signalGroup(signal: NodeJS.Signals): void;
}

/**
 * node's arguments for an app's TypeScript entry (e.g. `apps/api/src/main.ts`), compiled on load by swc like
 * Jest does. The hooks run on a thread of that same process: the pid is the app's, and signals reach it directly.
 */
export function sourceArgs(entry: string): string[] {
  return ['--import', join(root, 'test/support/source-runner/register.mjs'), join(root, entry)];
}

/** Starts `node <args>` in the repository, its stdout and stderr kept. */
export function startNode(
  args: string[],
  env: Record<string, string>,
  options: { detached?: boolean } = {},
): StartedProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    detached: options.detached ?? false,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited: new Promise((done) => child.once('exit', (code) => done(code))),
  };
}

/**
 * Runs an app's TypeScript entry as a real process in its own process group (as a terminal would start
 * it). No bundle to build.
 */
export function startSource(entry: string, env: Record<string, string>): SourceProcess {
  const started = startNode(sourceArgs(entry), env, { detached: true });
  return { ...started, signalGroup: (signal) => process.kill(-started.pid, signal) };
}

/** Waits for `/health/ready` to answer 200 (a boot on a loaded 2-core machine can take a minute); fails at once on an exit. */
export async function untilReady(
  base: string,
  started: Pick<StartedProcess, 'child' | 'output'>,
  timeoutMs = 120_000,
): Promise<void> {
  await eventually(
    async () => {
      exitedEarly(started);
      const answer = await httpRequest(base, 'GET', '/health/ready').catch(() => undefined);
      if (answer?.status !== 200) throw new Error(`not ready yet:\n${started.output()}`);
    },
    { timeoutMs, intervalMs: 200, stopOn: (error) => error instanceof ExitedEarly },
  );
}

/** A process that exited while it was being waited for: no retry brings it back. */
export class ExitedEarly extends Error {}

/** Throws ExitedEarly once the process has exited, with a code or by a signal (an armed fault point's SIGKILL). */
export function exitedEarly(started: Pick<StartedProcess, 'child' | 'output'>): void {
  const { exitCode, signalCode } = started.child;
  if (exitCode !== null || signalCode !== null)
    throw new ExitedEarly(`exited early (${exitCode ?? signalCode}):\n${started.output()}`);
}

/** Running (a zombie waiting to be reaped has exited). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The pids of the PostgreSQL postmaster and the redis-server an `npm start` runs on its data folder. */
export function servicePids(dataDir: string): { postgres: number; redis: number } {
  const first = (file: string) => Number.parseInt(readFileSync(file, 'utf8').split('\n')[0], 10);
  return {
    postgres: first(join(dataDir, 'postgres', 'postmaster.pid')),
    redis: first(join(dataDir, 'redis', 'redis-server.pid')),
  };
}

/** A request whose body is sent in two halves: in flight on the server until `finish()` sends the rest. */
export function requestInTwoHalves(
  base: string,
  path: string,
  body: unknown,
): { finish(): void; answer: Promise<{ status: number; body: any }> } {
  const bytes = Buffer.from(JSON.stringify(body));
  const half = Math.floor(bytes.length / 2);
  const request = httpRequestRaw(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
  });
  request.write(bytes.subarray(0, half));
  return { finish: () => request.end(bytes.subarray(half)), answer };
}
