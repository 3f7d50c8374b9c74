import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { connect } from 'node:net';
import { lostPortRace, onFreePort } from './free-port.js';
import type { RunningService } from './embedded-postgres.js';

export class RedisServerNotFoundError extends Error {
  constructor(tried: string) {
    super(
      `No redis-server binary found (${tried}).\n` +
        '  Fix one of these ways:\n' +
        '  - install it: Debian/Ubuntu `sudo apt-get install -y redis-server`, macOS `brew install redis`\n' +
        '  - point REDIS_SERVER_BIN at a redis-server binary\n' +
        '  - set REDIS_URL to a running Redis (`docker compose up -d redis` gives redis://localhost:6379)',
    );
    this.name = 'RedisServerNotFoundError';
  }
}

export function findRedisServer(explicit?: string): string {
  const candidates = explicit
    ? [explicit]
    : [
        ...(process.env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, 'redis-server')),
        '/usr/sbin/redis-server',
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new RedisServerNotFoundError(explicit ? `REDIS_SERVER_BIN=${explicit}` : 'searched PATH');
}

export interface RedisServerOptions {
  binary?: string;
  /** Keeps an append-only file here so queued jobs survive a restart; omit for a throwaway server. */
  dataDir?: string;
  /** Own process group: a terminal's Ctrl-C reaches only us, and we stop Redis after the queues close. */
  detached?: boolean;
  preferredPort?: number;
  /** This port or none (fails when it is taken): a restart must be where the clients reconnect to. */
  port?: number;
}

/** A redis-server child process on 127.0.0.1, stopped with the returned handle or when this process exits. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningService> {
  const binary = findRedisServer(options.binary);
  const baseArgs = ['--bind', '127.0.0.1', '--save', '', '--maxmemory-policy', 'noeviction'];
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    await stopLeftover(join(dir, 'redis-server.pid'));
    baseArgs.push(
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--pidfile',
      join(dir, 'redis-server.pid'),
    );
  } else {
    baseArgs.push('--appendonly', 'no');
  }
  const startOn = async (port: number) => {
    const child: ChildProcess = spawn(binary, ['--port', String(port), ...baseArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    // redis-server logs to stdout, a bind failure included; the pipes are drained for its whole life.
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await waitUntilReachable(port, child, () => output);
    return { child, port };
  };
  const { child, port } =
    options.port === undefined
      ? await onFreePort(options.preferredPort ?? 0, startOn, (error) => lostPortRace(String(error)))
      : await startOn(options.port);
  // SIGTERM: redis-server writes its append-only file out before exiting, even once we are gone.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000).unref())]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A redis-server left by an instance that was killed keeps the data folder: stop it (SIGTERM saves the AOF). */
async function stopLeftover(pidFile: string): Promise<void> {
  const pid = Number.parseInt(readText(pidFile), 10);
  if (!pid || !readText(`/proc/${pid}/cmdline`).includes('redis-server')) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && isAlive(pid)) await new Promise((done) => setTimeout(done, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilReachable(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}: ${output()}`);
    // Another redis-server that won this port answers too: only ours, by its process id, counts.
    const answeringPid = await serverPid(port);
    if (answeringPid === child.pid) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port} within 10 s: ${output()}`);
}

/**
 * The process id of the redis-server answering on this port once it serves commands (PING refuses
 * while the append-only file loads), by a bare RESP round trip: no client library, no reconnect timers.
 */
function serverPid(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const finish = (pid: number | undefined) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(1_000, () => finish(undefined));
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(undefined)); // a listener that hangs up at once is not Redis either
    socket.once('connect', () => socket.write('PING\r\nINFO server\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      if (!reply.startsWith('+PONG\r\n')) return finish(undefined);
      const pid = /process_id:(\d+)\r\n/.exec(reply);
      if (pid) finish(Number(pid[1]));
    });
  });
}
