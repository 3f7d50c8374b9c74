// Both servers of a scenario must do the same durable work: the statements PostgreSQL runs and the Redis commands,
// observed for one request of each kind at a time, with literals and parameters compared as `?`.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Both servers must run the same statements and Redis commands for a request: PostgreSQL logs every statement
 * (`log_statement = all`) and Redis counts commands, while one request of each kind goes to one server at a
 * time. Literals and `$n` parameters are compared as `?` (MikroORM inlines values; pg sends them apart).
 */
export async function compareWork(services, servers, requests) {
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  const redis = new Redis(services.redisUrl);
  await admin.connect();
  const logFile = join(services.root, 'postgres', 'postmaster.log');
  const setLogging = async (on) => {
    await admin.query(on ? `alter system set log_statement = 'all'` : 'alter system reset log_statement');
    await admin.query('select pg_reload_conf()');
    await sleep(300); // backends re-read the configuration before their next statement
  };
  const kinds = [...new Map(requests.map((request) => [request.kind, request])).values()];
  const observe = async (role, request) => {
    const logStart = statSync(logFile).size;
    const before = await redisCalls(redis);
    const response = await fetch(`${servers[role].url}${request.path}`, { headers: request.headers });
    await response.text();
    await sleep(300);
    const after = await redisCalls(redis);
    const statements = loggedStatements(readFileSync(logFile).subarray(logStart).toString('utf8'));
    const redisCommands = Object.fromEntries(
      Object.entries(after)
        .map(([command, calls]) => [command, calls - (before[command] ?? 0)])
        .filter(([command, calls]) => calls > 0 && command !== 'info'),
    );
    return { kind: request.kind, statements, redisCommands };
  };
  const shape = ({ statements, redisCommands }) =>
    JSON.stringify([statements.map(normalise), Object.entries(redisCommands).sort()]);
  const work = { baseline: [], candidate: [] };
  const differences = [];
  try {
    await setLogging(true);
    for (const request of kinds) {
      // Background work (a poller's statement, the socket adapter's heartbeat) can land in a window: up to 3 tries.
      let pair;
      for (let attempt = 0; attempt < 3; attempt++) {
        pair = { baseline: await observe('baseline', request), candidate: await observe('candidate', request) };
        if (shape(pair.baseline) === shape(pair.candidate)) break;
      }
      work.baseline.push(pair.baseline);
      work.candidate.push(pair.candidate);
      if (shape(pair.baseline) !== shape(pair.candidate))
        differences.push(
          `${request.kind}: baseline ran\n${describe(pair.baseline)}\n  candidate ran\n${describe(pair.candidate)}`,
        );
    }
  } finally {
    await setLogging(false).catch(() => undefined);
    await admin.end();
    redis.disconnect();
  }
  return { work, differences };
}

const describe = ({ statements, redisCommands }) =>
  `${statements.map((statement) => `    ${statement.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')}\n` +
  `    Redis ${JSON.stringify(redisCommands)}`;

async function redisCalls(redis) {
  const info = await redis.info('commandstats');
  return Object.fromEntries(
    [...info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)].map(([, name, calls]) => [name, +calls]),
  );
}

const LOG_ENTRY = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /m;

/** The statements in a slice of PostgreSQL's log (simple protocol `statement:`, extended `execute …:`). */
function loggedStatements(log) {
  return log
    .split(new RegExp(`(?=${LOG_ENTRY.source})`, 'm'))
    .map((entry) => /LOG:\s+(?:statement|execute [^:]*): ([\s\S]*)$/.exec(entry)?.[1]?.trim())
    .filter((statement) => statement && !/^(select pg_reload_conf|alter system)/i.test(statement));
}

function normalise(statement) {
  return statement
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/\$\d+/g, '?')
    .replace(/\b\d+\b/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
