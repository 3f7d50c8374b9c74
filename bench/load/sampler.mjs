// Where the time goes during a step: CPU of every process this run started (api, worker, PostgreSQL's backends,
// Redis, the load generator) and what the database is doing (statements running, waiting on locks).
import { readdirSync, readFileSync } from 'node:fs';
import { readProcessTicks } from '../lib/load.mjs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Parent and command name of `pid` from /proc, or undefined when it is gone (or not Linux). */
function parentAndName(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, name };
  } catch {
    return undefined;
  }
}

function postmasterPid(dataDir) {
  try {
    return dataDir ? Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Every descendant of `root` (this runner): the servers and services it started, their children included. */
function descendants(root) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const children = new Map();
  const names = new Map();
  for (const entry of entries) {
    const info = parentAndName(Number(entry));
    if (!info) continue;
    names.set(Number(entry), info.name);
    if (!children.has(info.ppid)) children.set(info.ppid, []);
    children.get(info.ppid).push(Number(entry));
  }
  const found = [];
  const stack = [root];
  while (stack.length) {
    for (const child of children.get(stack.pop()) ?? []) {
      found.push({ pid: child, name: names.get(child) });
      stack.push(child);
    }
  }
  return found;
}

/**
 * Groups this run's processes: `named` pins pids to a group (api, worker); the rest are grouped by command
 * (postgres backends, redis-server); the runner itself is the load generator.
 */
export function cpuGroups(named, { postgresDataDir } = {}) {
  const byPid = new Map(Object.entries(named).map(([group, pid]) => [pid, group]));
  const snapshot = () => {
    const ticks = new Map([[process.pid, { group: 'load generator', ticks: readProcessTicks(process.pid) }]]);
    // The postmaster may run outside this process tree (started through pg_ctl): its pid file finds it.
    const postmaster = postmasterPid(postgresDataDir);
    const tree = descendants(process.pid);
    if (postmaster && !tree.some(({ pid }) => pid === postmaster))
      tree.push({ pid: postmaster, name: 'postgres' }, ...descendants(postmaster));
    for (const { pid, name } of tree) {
      const group =
        byPid.get(pid) ?? (name.startsWith('postgres') ? 'postgres' : name.startsWith('redis') ? 'redis' : undefined);
      if (!group) continue;
      const value = readProcessTicks(pid);
      if (value !== undefined) ticks.set(pid, { group, ticks: value });
    }
    return { at: performance.now(), ticks };
  };
  return {
    snapshot,
    /** Share of one core (0-1) each group used between two snapshots; a process born in between counts from 0. */
    between(before, after) {
      const seconds = (after.at - before.at) / 1000;
      const shares = Object.fromEntries(
        [...new Set([...byPid.values(), 'postgres', 'redis', 'load generator'])].map((group) => [group, 0]),
      );
      for (const [pid, { group, ticks }] of after.ticks) {
        const start = before.ticks.get(pid)?.ticks ?? 0;
        shares[group] += (ticks - start) / CLOCK_TICKS_PER_SECOND / seconds;
      }
      return shares;
    },
  };
}

/** Polls pg_stat_activity every `everyMs` until stopped: statements running and waiting on locks. */
export function databaseActivity(pool, everyMs = 250) {
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { rows } = await pool.query(
          `select count(*) filter (where state = 'active')::int as active,
                  count(*) filter (where wait_event_type = 'Lock')::int as locked,
                  count(*) filter (where state like 'idle in transaction%')::int as idle_in_transaction,
                  count(*)::int as connections
             from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
        );
        samples.push(rows[0]);
      } catch {
        // the database is being stopped
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    const mean = (key) => samples.reduce((sum, s) => sum + s[key], 0) / Math.max(1, samples.length);
    const max = (key) => Math.max(0, ...samples.map((s) => s[key]));
    return {
      samples: samples.length,
      activeMean: mean('active'),
      activeMax: max('active'),
      lockedMax: max('locked'),
      idleInTransactionMax: max('idle_in_transaction'),
      connectionsMax: max('connections'),
    };
  };
}

/** Rows of the transactional outbox not yet relayed by the worker: its backlog. */
export async function outboxBacklog(pool) {
  const { rows } = await pool.query(`select count(*)::int as n from platform.outbox where published_at is null`);
  return rows[0].n;
}

/**
 * After a step: waits until no statement runs and the outbox is relayed (two polls in a row), so a backlog
 * left by an overloaded step does not land in the next one. Returns the seconds it took (at most `limitMs`).
 */
export async function waitUntilSettled(pool, limitMs = 60_000) {
  const started = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - started < limitMs) {
    const { rows } = await pool.query(
      `select (select count(*)::int from pg_stat_activity
                where datname = current_database() and state = 'active' and pid <> pg_backend_pid()) as active,
              (select count(*)::int from platform.outbox where published_at is null) as backlog`,
    );
    quiet = rows[0].active === 0 && rows[0].backlog === 0 ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (performance.now() - started) / 1000;
}
