import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDataDir, DataDirInUseError, LOCK_FILE } from './data-dir-lock.js';

const folder = () => mkdtempSync(join(tmpdir(), 'showrunner-lock-'));
const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));

/** A live process that is not this one, as the other instance. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise((done) => child.once('exit', done).kill('SIGKILL')) };
}

describe('the data folder lock', () => {
  it('is taken, marked stopping and released by its owner', async () => {
    const dir = folder();
    const lock = await claimDataDir(dir, { waitMs: 1_000 });
    expect(lockOf(dir)).toEqual({ pid: process.pid, state: 'running' });
    lock.markStopping();
    expect(lockOf(dir)).toEqual({ pid: process.pid, state: 'stopping' });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses, naming its pid, an instance that is running and not stopping', async () => {
    const dir = folder();
    const other = otherProcess();
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, state: 'running' }));
      const claim = claimDataDir(dir, { waitMs: 5_000, runningGraceMs: 300 });
      await expect(claim).rejects.toThrow(DataDirInUseError);
      await expect(claim).rejects.toThrow(
        `Another Showrunner instance (pid ${other.pid}) is running on the data folder`,
      );
      expect(lockOf(dir).pid).toBe(other.pid); // left alone
    } finally {
      await other.stop();
    }
  });

  it('waits for a stopping instance and takes over once it is gone', async () => {
    const dir = folder();
    const other = otherProcess();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, state: 'stopping' }));
    const waitedFor: number[] = [];
    const claim = claimDataDir(dir, { waitMs: 10_000, onWait: (pid) => waitedFor.push(pid) });
    let settled = false;
    void claim.then(() => (settled = true));
    await new Promise((done) => setTimeout(done, 300));
    expect(settled).toBe(false);
    await other.stop();
    await claim;
    expect(waitedFor).toEqual([other.pid]);
    expect(lockOf(dir)).toEqual({ pid: process.pid, state: 'running' });
  });

  it('takes over the lock of a killed instance at once', async () => {
    const dir = folder();
    const other = otherProcess();
    await other.stop();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, state: 'running' }));
    await claimDataDir(dir, { waitMs: 0 });
    expect(lockOf(dir).pid).toBe(process.pid);
  });
});
