// `npm run bench -- feed`: the activity feed (ADR 0037). A reader following 2,000 creators and a creator with
// 100,000 followers: p95 of GET /v1/me/feed through the app vs its one SQL statement run bare, and p95 of publishing
// a post until every follower's feed has it (merged on read above the threshold, fan-out on write below it) vs the
// same statements run bare, same database, same run, rounds interleaved.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { numberReader, step } from './lib/cli.mjs';
import { cpuLayout, describeMachine, pinThisProcess, startChild, waitForHttp } from './lib/processes.mjs';
import { bareExecutor, importSource, startServices } from './lib/services.mjs';
import { fixed, table, thousands, writeResults } from './lib/report.mjs';
import { median, percentile } from './lib/stats.mjs';
import { closedLoop } from './lib/load.mjs';

export const description = 'GET /v1/me/feed and publish-until-delivered through the app vs the same SQL run bare';

export const usage = `Options:
  --follows N        creators the reader follows (default 2000; --quick 500)
  --followers N      followers of the big creator, merged on read (default 100000; --quick 20000)
  --mid-followers N  followers of an ordinary creator, fanned out on write (default 5000; --quick 2000)
  --connections N    concurrent feed readers per side, closed model (default 4)
  --duration S       seconds per measured feed round (default 10; --quick 3)
  --rounds N         measured rounds per side, interleaved B,C,B,C… (default 3; --quick 1)
  --publishes N      publishes per side and creator, interleaved (default 10; --quick 3)
  --explain          print the feed statement's plan (EXPLAIN ANALYZE) for the reader once
  --quick            smoke run with smaller numbers
  --no-pin           do not pin the app to core 0 and the load generator + services to core 1
  --no-build         reuse dist/apps/standalone/main.js instead of running \`nest build standalone\``;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin`;
const JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';
const THRESHOLD = 10_000; // the app's FEED_BIG_CREATOR_FOLLOWERS default
const PAGE = 20;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      follows: { type: 'string' },
      followers: { type: 'string' },
      'mid-followers': { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      publishes: { type: 'string' },
      explain: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const number = numberReader(values);
  const quick = values.quick;
  const options = {
    follows: number('follows', quick ? 500 : 2_000, 3),
    followers: number('followers', quick ? 20_000 : 100_000, THRESHOLD + 1),
    midFollowers: number('mid-followers', quick ? 2_000 : 5_000, 1),
    connections: number('connections', 4, 1),
    duration: number('duration', quick ? 3 : 10, 1),
    rounds: number('rounds', quick ? 1 : 3, 1),
    publishes: number('publishes', quick ? 3 : 10, 1),
    explain: values.explain,
    pin: !values['no-pin'],
    build: !values['no-build'],
  };
  if (options.midFollowers > THRESHOLD) throw new Error(`--mid-followers must stay at or below ${THRESHOLD}`);
  if (options.midFollowers > options.followers) throw new Error('--mid-followers must not exceed --followers');
  return options;
}

/** The world: people, follows, videos and posts, the reader's inbox as fan-out would have left it. */
async function seed(pool, options) {
  const reader = randomUUID();
  const big = randomUUID();
  const mid = randomUUID();
  const creators = Array.from({ length: options.follows - 2 }, () => randomUUID());
  const everyone = [reader, big, mid, ...creators];
  await pool.query(
    `insert into engagement.people (user_id, handle, display_name)
     select id, 'bench_' || replace(id::text, '-', ''), 'Bench ' || ord from unnest($1::uuid[]) with ordinality u(id, ord)`,
    [everyone],
  );
  // The reader follows every creator, the big and the mid one included.
  await pool.query(
    `insert into engagement.follows (id, follower_id, followee_id, followed_at)
     select gen_random_uuid(), $1, id, now() - interval '60 days' from unnest($2::uuid[]) id`,
    [reader, [big, mid, ...creators]],
  );
  await pool.query(
    `insert into engagement.follows (id, follower_id, followee_id, followed_at)
     select gen_random_uuid(), gen_random_uuid(), $1, now() - interval '60 days' from generate_series(1, $2)`,
    [big, options.followers - 1],
  );
  // The mid creator's followers are some of the big creator's, as audiences overlap.
  await pool.query(
    `insert into engagement.follows (id, follower_id, followee_id, followed_at)
     select gen_random_uuid(), follower_id, $1, now() - interval '60 days' from engagement.follows
      where followee_id = $2 and follower_id <> $3 limit $4`,
    [mid, big, reader, options.midFollowers - 1],
  );
  await pool.query(`insert into engagement.feed_big_creators (creator_id, since) values ($1, now())`, [big]);
  // Five videos and three posts per creator over the last 30 days; the big one has 50 of each.
  const content = async (ids, videos, posts) => {
    await pool.query(
      `insert into engagement.watchable_videos
         (video_id, channel_id, creator_id, title, access_level, early_access_days, published_at, duration_seconds, status, studio_version)
       select gen_random_uuid(), gen_random_uuid(), id, 'Episode ' || n, case when n % 4 = 0 then 'ad_free' else 'free' end,
              null, now() - random() * interval '30 days', 600, 'published', 1
         from unnest($1::uuid[]) id cross join generate_series(1, $2) n`,
      [ids, videos],
    );
    await pool.query(
      `insert into engagement.posts (id, author_id, body, video_id, status, created_at, announced_at)
       select gen_random_uuid(), id, 'Announcement ' || n, null, 'visible', t, t
         from unnest($1::uuid[]) id cross join generate_series(1, $2) n cross join lateral (select now() - random() * interval '30 days' as t) r`,
      [ids, posts],
    );
  };
  await content([mid, ...creators], 5, 3);
  await content([big], 50, 50);
  // The reader's inbox: the newest FEED_INBOX_CAP (800) items of the ordinary creators, as fan-out leaves it.
  await pool.query(
    `insert into engagement.feed_inbox (user_id, item_type, item_id, author_id, published_at)
     select $1, item_type, item_id, author_id, published_at from (
       select 'video' as item_type, video_id as item_id, creator_id as author_id, published_at
         from engagement.watchable_videos where creator_id <> $2
       union all
       select 'post', id, author_id, created_at from engagement.posts where author_id <> $2) items
     order by published_at desc limit 800`,
    [reader, big],
  );
  // Everyone else's inboxes, so the table has the size of a live one (800 followers × 400 entries).
  await pool.query(
    `with p as materialized (select id, author_id, created_at from engagement.posts
                              where author_id <> $1 order by random() limit 400)
     insert into engagement.feed_inbox (user_id, item_type, item_id, author_id, published_at)
     select f.follower_id, 'post', p.id, p.author_id, p.created_at
       from (select follower_id from engagement.follows where followee_id = $1 and follower_id <> $2 limit 800) f
       cross join p
     on conflict do nothing`,
    [big, reader],
  );
  await pool.query('vacuum analyze');
  const last = async (creator) =>
    (
      await pool.query(
        `select max(follower_id::text)::uuid as id from engagement.follows where followee_id = $1 and ended_at is null`,
        [creator],
      )
    ).rows[0].id;
  return { reader, big, mid, lastOfBig: await last(big), lastOfMid: await last(mid) };
}

export async function run(argv) {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const machine = describeMachine();
  const layout = cpuLayout(options.pin);
  if (layout.pinned) pinThisProcess(layout.loadCore);
  console.log(
    `feed benchmark: a reader following ${thousands(options.follows)} creators, a creator with ${thousands(options.followers)} followers (merged on read), one with ${thousands(options.midFollowers)} (fan-out on write)`,
  );

  const env = { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` };
  if (options.build) {
    step('building the app (nest build standalone: api and worker in one process)');
    const result = spawnSync(`${BIN}/nest`, ['build', 'standalone'], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`nest build standalone failed:\n${result.stdout}${result.stderr}`);
  } else if (!existsSync(`${ROOT}dist/apps/standalone/main.js`))
    throw new Error('dist/apps/standalone/main.js is missing: drop --no-build');

  step('starting embedded PostgreSQL and redis-server, migrating, seeding');
  const services = await startServices();
  const pool = new pg.Pool({ connectionString: services.databaseUrl, max: options.connections + 2 });
  pool.on('error', () => {}); // an idle client losing PostgreSQL at cleanup is not the benchmark's failure
  const seeded = await seed(pool, options);
  const { feedStatement } = await importSource('libs/engagement/src/infrastructure/feed/sql-feed.read-model.ts');
  const { SqlFeedInbox } = await importSource('libs/engagement/src/infrastructure/feed/sql-feed-inbox.ts');
  const { AccessTokens } = await importSource('libs/platform/src/auth/access-tokens.ts');
  const { freePort } = await importSource('libs/platform/src/runtime/free-port.ts');
  const tokens = new AccessTokens({ auth: { jwtSecret: JWT_SECRET, accessTokenTtlSeconds: 6 * 3600 } });
  const token = (userId) => tokens.issue({ userId, roles: ['member'], sessionId: randomUUID() }).token;

  step('starting the app');
  const port = await freePort();
  const app = startChild('standalone app', process.execPath, ['dist/apps/standalone/main.js'], {
    cwd: ROOT,
    core: layout.pinned ? layout.serverCore : undefined,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      JWT_SECRET,
      DATA_DIR: `${services.root}/app-data`,
      FEED_BIG_CREATOR_FOLLOWERS: String(THRESHOLD),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, app, 60_000);
  const db = bareExecutor(pool);

  // --- feed reads ---
  const readerToken = token(seeded.reader);
  const candidateRead = async () => {
    const response = await fetch(`${url}/v1/me/feed?limit=${PAGE}`, {
      headers: { authorization: `Bearer ${readerToken}` },
    });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET /v1/me/feed answered ${response.status} ${JSON.stringify(body)}`);
    return body.items.map((entry) => entry.id);
  };
  const baselineRead = async () => {
    const { sql, params } = feedStatement(seeded.reader, undefined, PAGE + 1);
    return (await db.execute(sql, params)).slice(0, PAGE).map((row) => row.item_id);
  };
  if (options.explain) {
    const { sql, params } = feedStatement(seeded.reader, undefined, PAGE + 1);
    const plan = await db.execute(`explain (analyze, buffers) ${sql}`, params);
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
  }
  const [c, b] = [await candidateRead(), await baselineRead()];
  if (JSON.stringify(c) !== JSON.stringify(b) || c.length !== PAGE)
    throw new Error(`the app and the bare statement disagree:\n${c.join(',')}\n${b.join(',')}`);

  step(`feed reads: warm-up, then ${options.rounds} × ${options.duration} s per side, ${options.connections} readers`);
  await closedLoop(options.connections, 2, baselineRead);
  await closedLoop(options.connections, 2, candidateRead);
  const reads = { baseline: [], candidate: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const [side, worker] of [
      ['baseline', baselineRead],
      ['candidate', candidateRead],
    ]) {
      const result = await closedLoop(options.connections, options.duration, worker);
      reads[side].push(result);
      console.log(
        `  round ${round}  ${side.padEnd(9)} ${thousands(result.perSecond)} req/s, p50 ${fixed(result.p50, 2)} ms, p95 ${fixed(result.p95, 2)} ms${result.errors ? `, ${result.errors} errors` : ''}`,
      );
    }
  }

  // --- publishing until every follower's feed has it ---
  const waitUntil = async (probe) => {
    const deadline = Date.now() + 120_000;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error('the item never reached the last follower');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  // Merged on read: the item is in a follower's feed as soon as the feed statement returns it.
  const inFeedOf = (viewerId, itemId) => async () => {
    const { sql, params } = feedStatement(viewerId, undefined, PAGE);
    return (await db.execute(sql, params)).some((row) => row.item_id === itemId);
  };
  // Fan-out on write walks followers in id order, so the last follower's inbox is the last one written.
  const inInboxOf = (viewerId, itemId) => async () =>
    (await db.execute(`select 1 from engagement.feed_inbox where user_id = ? and item_id = ?`, [viewerId, itemId]))
      .length > 0;
  const postThroughApp = (creatorId, lastFollower, probe) => {
    const creatorToken = token(creatorId);
    return async () => {
      const started = performance.now();
      const response = await fetch(`${url}/v1/me/posts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${creatorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `Bench announcement ${randomUUID()}` }),
      });
      const body = await response.json();
      if (response.status !== 201 || body.held)
        throw new Error(`POST /v1/me/posts: ${response.status} ${JSON.stringify(body)}`);
      await waitUntil(probe(lastFollower, body.id));
      return performance.now() - started;
    };
  };
  const insertPost = async (creatorId) => {
    const id = randomUUID();
    await db.execute(
      `insert into engagement.posts (id, author_id, body, video_id, status, created_at, announced_at)
       values (?, ?, 'Bench announcement', null, 'visible', now(), now())`,
      [id, creatorId],
    );
    return id;
  };
  const bareMerged = async () => {
    const started = performance.now();
    const id = await insertPost(seeded.big);
    await waitUntil(inFeedOf(seeded.lastOfBig, id));
    return performance.now() - started;
  };
  // The fan-out's own statements, batch after batch on one connection: what the jobs do minus Nest, the outbox and Bull.
  const bareFanOut = async () => {
    const started = performance.now();
    const id = await insertPost(seeded.mid);
    const item = { type: 'post', itemId: id, authorId: seeded.mid, publishedAt: new Date() };
    const client = await pool.connect();
    try {
      const inbox = new SqlFeedInbox(bareExecutor(client));
      for (let after = null; ;) {
        const ids = await inbox.followerBatch(seeded.mid, after, 1_000);
        if (!ids.length) break;
        await client.query('begin');
        await inbox.deliver(ids, item);
        await inbox.trim(ids, 800);
        await client.query('commit');
        if (ids.length < 1_000) break;
        after = ids[ids.length - 1];
      }
    } finally {
      client.release();
    }
    await waitUntil(inInboxOf(seeded.lastOfMid, id));
    return performance.now() - started;
  };
  const publishers = {
    merged: {
      label: `${thousands(options.followers)} followers, merged on read`,
      baseline: bareMerged,
      candidate: postThroughApp(seeded.big, seeded.lastOfBig, inFeedOf),
    },
    fanOut: {
      label: `${thousands(options.midFollowers)} followers, fan-out on write`,
      baseline: bareFanOut,
      candidate: postThroughApp(seeded.mid, seeded.lastOfMid, inInboxOf),
    },
  };
  const publishes = {};
  for (const [name, publisher] of Object.entries(publishers)) {
    step(`publishing (${publisher.label}): ${options.publishes} per side, interleaved`);
    publishes[name] = { baseline: [], candidate: [] };
    await publisher.baseline();
    await publisher.candidate();
    for (let i = 0; i < options.publishes; i++)
      for (const side of ['baseline', 'candidate']) publishes[name][side].push(await publisher[side]());
    const sorted = (side) => [...publishes[name][side]].sort((x, y) => x - y);
    console.log(
      `  baseline p50 ${fixed(percentile(sorted('baseline'), 50), 1)} ms, p95 ${fixed(percentile(sorted('baseline'), 95), 1)} ms;` +
        ` candidate p50 ${fixed(percentile(sorted('candidate'), 50), 1)} ms, p95 ${fixed(percentile(sorted('candidate'), 95), 1)} ms`,
    );
  }

  const p95Of = (values) =>
    percentile(
      [...values].sort((x, y) => x - y),
      95,
    );
  const readP95 = (side) => median(reads[side].map((r) => r.p95));
  const summary = {
    read: {
      baselineP95: readP95('baseline'),
      candidateP95: readP95('candidate'),
      ratio: median(reads.candidate.map((r, i) => r.p95 / reads.baseline[i].p95)),
    },
    publish: Object.fromEntries(
      Object.entries(publishes).map(([name, sides]) => [
        name,
        {
          baselineP95: p95Of(sides.baseline),
          candidateP95: p95Of(sides.candidate),
          ratio: p95Of(sides.candidate) / p95Of(sides.baseline),
        },
      ]),
    ),
  };
  console.log(
    `\n${table([
      ['', 'bare SQL p95', 'app p95', 'app ÷ bare'],
      [
        `GET /v1/me/feed (following ${thousands(options.follows)})`,
        `${fixed(summary.read.baselineP95, 2)} ms`,
        `${fixed(summary.read.candidateP95, 2)} ms`,
        `${fixed(summary.read.ratio, 2)}×`,
      ],
      ...Object.entries(publishers).map(([name, publisher]) => [
        `publish → last follower (${publisher.label})`,
        `${fixed(summary.publish[name].baselineP95, 1)} ms`,
        `${fixed(summary.publish[name].candidateP95, 1)} ms`,
        `${fixed(summary.publish[name].ratio, 2)}×`,
      ]),
    ])}`,
  );
  await pool.end();
  const file = writeResults('feed', { startedAt, machine, layout, options, reads, publishes, summary });
  console.log(`results: ${file}`);
  return 0;
}
