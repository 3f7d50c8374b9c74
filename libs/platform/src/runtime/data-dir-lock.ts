import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './redis-server.js';

export const LOCK_FILE = 'instance.lock';

interface LockRecord {
  pid: number;
  state: 'running' | 'stopping';
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Showrunner instance (pid ${pid}) is running on the data folder ${dataDir}.\n` +
        `  Stop it first (Ctrl-C in its terminal, or \`kill ${pid}\`), or give this one another DATA_DIR.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Tells a start made meanwhile to wait for us instead of refusing. */
  markStopping(): void;
  release(): void;
}

export interface ClaimOptions {
  /** How long to wait for an instance that is shutting down (its services included). */
  waitMs: number;
  /** How long a live instance that has not said it is stopping gets to say so (a signal just sent). */
  runningGraceMs?: number;
  onWait?: (pid: number) => void;
}

/**
 * One instance per data folder: `DATA_DIR/instance.lock` names the owner's pid and whether it is
 * stopping. A start waits while the owner stops (it releases the lock after its PostgreSQL and
 * redis-server have exited), takes over a lock whose owner is gone (killed), and refuses a live one.
 */
export async function claimDataDir(dataDir: string, options: ClaimOptions): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const write = (state: LockRecord['state'], flag: 'wx' | 'w') =>
    writeFileSync(file, JSON.stringify({ pid: process.pid, state } satisfies LockRecord), { flag });
  const deadline = Date.now() + options.waitMs;
  let runningSince: number | undefined;
  let announced = false;
  for (;;) {
    try {
      write('running', 'wx');
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readLock(file);
    if (owner && !isAlive(owner.pid)) {
      rmSync(file, { force: true }); // its owner was killed: the services it left are stopped by their start
      continue;
    }
    if (owner?.state === 'running') {
      runningSince ??= Date.now();
      if (Date.now() - runningSince > (options.runningGraceMs ?? 3_000))
        throw new DataDirInUseError(dataDir, owner.pid);
    } else if (owner && !announced) {
      announced = true;
      options.onWait?.(owner.pid);
    }
    if (Date.now() > deadline) throw new DataDirInUseError(dataDir, owner?.pid ?? 0);
    await new Promise((done) => setTimeout(done, 100));
  }
  let released = false;
  return {
    markStopping: () => {
      if (!released) write('stopping', 'w');
    },
    release: () => {
      if (released) return;
      released = true;
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readLock(file: string): LockRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as LockRecord;
    return typeof record.pid === 'number' ? record : undefined;
  } catch {
    return undefined; // gone, or being written: looked at again on the next round
  }
}
