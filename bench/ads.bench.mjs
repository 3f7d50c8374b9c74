// `npm run bench -- ads`: the ad decision path (in-memory catalogue + one Redis round trip) vs one precomputed Redis GET.
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { numberReader, step } from './lib/cli.mjs';
import { onCleanup } from './lib/processes.mjs';
import { fixed, table, thousands, writeResults } from './lib/report.mjs';
import { importSource } from './lib/services.mjs';
import { median, percentile } from './lib/stats.mjs';

export const description = 'ad decisions (targeting, pacing, Redis caps, signed token) vs one precomputed Redis lookup';
export const usage = `  --campaigns <n>   campaigns (default 1000)
  --creatives <n>   creatives, spread over the campaigns and the four placements (default 10000)
  --people <n>      people with impression history in Redis (default 100000)
  --requests <n>    decisions per round and side (default 5000)
  --rounds <n>      interleaved rounds per side (default 5)
  --quick           100 campaigns, 1,000 creatives, 5,000 people, 1,000 requests, 2 rounds`;

const PLACEMENTS = ['preroll', 'leaderboard', 'rectangle', 'mobile_banner'];
const COUNTRIES = ['US', 'CA', 'GB', 'FR', 'DE', 'BR', 'IN', 'JP'];
const LANGUAGES = ['en', 'fr', 'de', 'pt', 'ja'];
const CATEGORIES = ['cooking', 'gaming', 'music', 'news', 'sports', 'travel', 'science', 'comedy'];
const DEVICES = ['desktop', 'mobile', 'tablet', 'tv'];
const UAS = {
  desktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  mobile: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148 Safari/604.1',
};

/** mulberry32: the catalogue and the requests are the same on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const uuid = (prefix, i) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;

export async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      campaigns: { type: 'string' },
      creatives: { type: 'string' },
      people: { type: 'string' },
      requests: { type: 'string' },
      rounds: { type: 'string' },
      quick: { type: 'boolean' },
    },
  });
  const read = numberReader(values);
  const quick = values.quick === true;
  const campaignCount = read('campaigns', quick ? 100 : 1_000, 1);
  const creativeCount = read('creatives', quick ? 1_000 : 10_000, 1);
  const people = read('people', quick ? 5_000 : 100_000, 1);
  const requests = read('requests', quick ? 1_000 : 5_000, 200);
  const rounds = read('rounds', quick ? 2 : 5, 1);
  const random = seeded(54);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];

  step('starting redis-server');
  const { startRedisServer } = await importSource('libs/platform/src/runtime/redis-server.ts');
  const redisServer = await startRedisServer({ detached: true });
  onCleanup('stop Redis', () => redisServer.stop());
  const redis = new Redis(redisServer.url);
  onCleanup('close the Redis client', () => redis.quit());
  const connections = { key: (...parts) => ['bench', ...parts].join(':'), commands: () => redis };

  step('loading the decision path');
  const [{ DecideAdHandler }, { DecideAdQuery }, { LiveCatalog }, { RedisDeliveryState }] = await Promise.all([
    importSource('libs/ads/src/application/queries/decide-ad/decide-ad.handler.ts'),
    importSource('libs/ads/src/application/queries/decide-ad/decide-ad.query.ts'),
    importSource('libs/ads/src/application/delivery/live-catalog.ts'),
    importSource('libs/ads/src/infrastructure/redis/redis-delivery-state.ts'),
  ]);

  step(`generating ${thousands(campaignCount)} campaigns and ${thousands(creativeCount)} creatives`);
  const now = Date.now();
  const campaigns = Array.from({ length: campaignCount }, (_, i) => {
    const targeting = {};
    if (random() < 0.5) targeting.countries = some(COUNTRIES, 3);
    if (random() < 0.3) targeting.devices = some(DEVICES, 2);
    if (random() < 0.3) targeting.languages = some(LANGUAGES, 2);
    if (random() < 0.5) targeting.categories = some(CATEGORIES, 3);
    const totalBudget = 10_000 + Math.floor(random() * 1_000_000);
    return {
      id: uuid('c0000000', i),
      startsAt: now - Math.floor(random() * 20) * 86_400_000 - 60_000,
      endsAt: now + (1 + Math.floor(random() * 30)) * 86_400_000,
      cpm: 100 + Math.floor(random() * 3_000),
      totalBudget,
      dailyBudget: random() < 0.3 ? Math.ceil(totalBudget / 10) : null,
      impressionGoal: null,
      targeting,
      // Some campaigns are ahead of pace or exhausted: the selection has to skip them.
      spentMillis: Math.floor(random() * totalBudget * 700),
      spentTodayMillis: 0,
      impressions: 0,
      impressionsToday: 0,
    };
  });
  const creatives = Array.from({ length: creativeCount }, (_, i) => {
    const placement = PLACEMENTS[i % PLACEMENTS.length];
    return {
      id: uuid('e0000000', i),
      campaignId: campaigns[i % campaignCount].id,
      placement,
      clickUrl: 'https://advertiser.example/landing',
      videoId: placement === 'preroll' ? uuid('f0000000', i) : null,
      imageUrl: placement === 'preroll' ? null : 'https://cdn.example/banner.png',
    };
  });
  const prerolls = creatives.filter((c) => c.placement === 'preroll');

  step(`writing impression history for ${thousands(people)} people (5 capped creatives each)`);
  const window = 24 * 3_600_000;
  for (let start = 0; start < people; start += 5_000) {
    const pipeline = redis.pipeline();
    for (let p = start; p < Math.min(people, start + 5_000); p += 1) {
      const fields = {};
      for (let k = 0; k < 5; k += 1) fields[pick(prerolls).id] = `${1 + Math.floor(random() * 3)}:${now - 3_600_000}`;
      pipeline.hset(connections.key('ads', 'fc', `u:${uuid('a0000000', p)}`), fields);
    }
    await pipeline.exec();
  }

  const config = {
    ads: {
      frequencyCap: 3,
      frequencyWindowMs: window,
      catalogCacheMs: 3_600_000,
      pacingSlack: 0.05,
      tokenTtlSeconds: 900,
      tokenSecret: 'bench-secret',
    },
  };
  const catalog = { live: async () => ({ campaigns, creatives }) };
  const handler = new DecideAdHandler(
    config,
    new LiveCatalog(catalog, config),
    new RedisDeliveryState(connections),
    { isAdFree: async () => false }, // the plan check is billing's (cached per node); not measured here
    {
      find: async (videoId) => ({
        videoId,
        state: 'published',
        category: CATEGORIES[videoId.charCodeAt(35) % 8],
        creatorId: uuid('b0000000', 1),
      }),
    },
  );

  // The requests: people with history, a placement, a video, a device, a country and a language.
  const sample = Array.from({ length: requests }, () => {
    const device = random() < 0.5 ? 'desktop' : 'mobile';
    return {
      userId: uuid('a0000000', Math.floor(random() * people)),
      placement: pick(PLACEMENTS),
      videoId: uuid('f0000000', Math.floor(random() * 1_000)),
      facts: { userAgent: UAS[device], country: pick(COUNTRIES), acceptLanguage: pick(LANGUAGES) },
    };
  });

  step('precomputing the baseline: each sampled request’s decision as one Redis key');
  const precomputed = new Map();
  {
    const pipeline = redis.pipeline();
    for (const [i, request] of sample.entries()) {
      const decision = await handler.execute(
        new DecideAdQuery(request.placement, request.videoId, request.userId, null, request.facts),
      );
      const key = connections.key('ads', 'pre', String(i));
      precomputed.set(i, key);
      pipeline.set(key, JSON.stringify(decision));
    }
    await pipeline.exec();
  }

  const sides = {
    baseline: async (request, i) => JSON.parse(await redis.get(precomputed.get(i))),
    candidate: (request) =>
      handler.execute(new DecideAdQuery(request.placement, request.videoId, request.userId, null, request.facts)),
  };
  for (const side of ['baseline', 'candidate'])
    for (const [i, request] of sample.slice(0, 200).entries()) await sides[side](request, i); // warm-up

  step(`measuring: ${rounds} rounds × ${thousands(requests)} decisions per side, interleaved, one at a time`);
  const results = { baseline: [], candidate: [] };
  let filled = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const side of ['baseline', 'candidate']) {
      const latencies = [];
      const started = process.hrtime.bigint();
      for (const [i, request] of sample.entries()) {
        const t0 = process.hrtime.bigint();
        const decision = await sides[side](request, i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (side === 'candidate' && round === 0 && decision) filled += 1;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latencies.sort((a, b) => a - b);
      results[side].push({
        perSecond: requests / seconds,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
      });
    }
  }
  const summary = (side) => ({
    perSecond: median(results[side].map((r) => r.perSecond)),
    p50: median(results[side].map((r) => r.p50)),
    p95: median(results[side].map((r) => r.p95)),
  });
  const baseline = summary('baseline');
  const candidate = summary('candidate');
  const ratios = results.candidate.map((r, i) => r.perSecond / results.baseline[i].perSecond);
  console.log(
    `\n${thousands(campaignCount)} campaigns, ${thousands(creativeCount)} creatives, ${thousands(people)} people with history; ` +
      `${thousands(requests)} decisions × ${rounds} rounds per side, one at a time (Node ${process.version})`,
  );
  console.log(
    table([
      ['', 'baseline (one precomputed GET)', 'candidate (DecideAdHandler)', 'candidate vs baseline'],
      [
        'decisions/s (median)',
        thousands(baseline.perSecond),
        thousands(candidate.perSecond),
        `${fixed(median(ratios), 2)}×`,
      ],
      ['p50 ms', fixed(baseline.p50, 3), fixed(candidate.p50, 3), `+${fixed(candidate.p50 - baseline.p50, 3)} ms`],
      ['p95 ms', fixed(baseline.p95, 3), fixed(candidate.p95, 3), `+${fixed(candidate.p95 - baseline.p95, 3)} ms`],
    ]),
  );
  console.log(`fill rate of the sample: ${fixed((filled / requests) * 100)}%; target: decision p95 < 20 ms`);
  writeResults('ads', {
    campaignCount,
    creativeCount,
    people,
    requests,
    rounds,
    baseline,
    candidate,
    ratio: median(ratios),
    filled,
    results,
  });
  return candidate.p95 < 20 ? 0 : 1;
}
