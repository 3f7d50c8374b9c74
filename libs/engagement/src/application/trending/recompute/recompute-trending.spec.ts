import { AppConfig, readEnvironment } from '@config';
import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import type { TrendRecompute, VideoTrendScoresChanged } from '../../../domain/trending/trend-recompute.js';
import {
  ActorTrust,
  TrendEligibility,
  TrendingCache,
  TrendingScoreStore,
  TrendSignals,
  type AccountSanction,
  type EligibleTrendSignal,
  type TrendingScoreRow,
} from '../trending-ports.js';
import { RecomputeTrending } from './recompute-trending.js';

const config = new AppConfig(readEnvironment({}), {
  databaseUrl: 'postgres://x',
  redisUrl: 'redis://x',
  jwtSecret: 'x'.repeat(32),
});
const NOW = new Date('2026-12-03T12:00:00Z');

class Signals extends TrendSignals {
  constructor(readonly rows: EligibleTrendSignal[]) {
    super();
  }
  record = () => Promise.resolve();
  withdrawLike = () => Promise.resolve();
  withdrawComment = () => Promise.resolve();
  prune = () => Promise.resolve();
  eligibleSince = (since: Date) => Promise.resolve(this.rows.filter((row) => row.at >= since));
}

class Store extends TrendingScoreStore {
  rows: TrendingScoreRow[] = [];
  published = new Map<string, number>();
  runs: TrendRecompute[] = [];
  lock = () => Promise.resolve();
  replace = (rows: TrendingScoreRow[]) => {
    this.rows = rows;
    return Promise.resolve();
  };
  publishedVideoScores = () => Promise.resolve(new Map(this.published));
  rememberPublishedScores = (changes: Array<{ videoId: string; score: number }>) => {
    for (const { videoId, score } of changes)
      if (score) this.published.set(videoId, score);
      else this.published.delete(videoId);
    return Promise.resolve();
  };
  saveRun = (run: TrendRecompute) => {
    this.runs.push(run);
    return Promise.resolve();
  };
}

class Eligibility extends TrendEligibility {
  recorded: Array<[string[], Map<string, AccountSanction>]> = [];
  published = () => Promise.resolve();
  withdrawn = () => Promise.resolve();
  moderated = () => Promise.resolve();
  recordSanctions = (checked: string[], sanctions: ReadonlyMap<string, AccountSanction>) => {
    this.recorded.push([checked, new Map(sanctions)]);
    return Promise.resolve();
  };
}

class Trust extends ActorTrust {
  suspended = new Set<string>();
  levelOf = () => Promise.resolve(2);
  sanctionsOf = (ids: string[]) =>
    Promise.resolve(new Map(ids.filter((id) => this.suspended.has(id)).map((id) => [id, 'suspension' as const])));
}

class Cache extends TrendingCache {
  invalidations = 0;
  get = () => Promise.resolve(undefined);
  set = () => Promise.resolve();
  invalidate = () => {
    this.invalidations += 1;
    return Promise.resolve();
  };
}

const signal = (overrides: Partial<EligibleTrendSignal> & { actorId: string }): EligibleTrendSignal => ({
  kind: 'like',
  videoId: 'v1',
  creatorId: 'c1',
  trustLevel: 2,
  hashtags: [],
  language: 'en',
  category: 'music',
  at: NOW,
  ...overrides,
});
const fans = (count: number, overrides: Partial<EligibleTrendSignal> = {}) =>
  Array.from({ length: count }, (_, i) => signal({ actorId: `fan-${i}`, ...overrides }));

function setUp(rows: EligibleTrendSignal[]) {
  const store = new Store();
  const eligibility = new Eligibility();
  const trust = new Trust();
  const cache = new Cache();
  const recompute = new RecomputeTrending(
    new Signals(rows),
    store,
    eligibility,
    trust,
    cache,
    new InMemoryUnitOfWork([]),
    config,
  );
  const list = (kind: string, window: string, language = '', category = '') =>
    store.rows
      .filter(
        (row) => row.kind === kind && row.window === window && row.language === language && row.category === category,
      )
      .map((row) => row.subject);
  return { recompute, store, eligibility, trust, cache, list };
}

describe('recomputing trending', () => {
  it('fills the lists for all, each language, each category and each pair', async () => {
    const { recompute, list } = setUp([
      ...fans(4),
      ...fans(4, { videoId: 'v2', creatorId: 'c2', language: 'fr', category: null }),
    ]);
    await recompute.run(NOW);
    expect(list('video', '24h').sort()).toEqual(['v1', 'v2']);
    expect(list('video', '24h', 'en')).toEqual(['v1']);
    expect(list('video', '24h', 'fr')).toEqual(['v2']);
    expect(list('video', '24h', '', 'music')).toEqual(['v1']);
    expect(list('video', '24h', 'en', 'music')).toEqual(['v1']);
    expect(list('video', '24h', 'fr', 'music')).toEqual([]);
    expect(list('video', '7d').sort()).toEqual(['v1', 'v2']);
  });

  it('counts follows for creators in the every-language list only, and comment hashtags per tag', async () => {
    const { recompute, list } = setUp([
      ...fans(2, { kind: 'follow', videoId: null, creatorId: 'c9', language: null, category: null }),
      ...fans(2, { kind: 'comment', hashtags: ['jazz', 'live'] }),
    ]);
    await recompute.run(NOW);
    expect(list('creator', '24h').sort()).toEqual(['c1', 'c9']);
    expect(list('creator', '24h', 'en')).toEqual(['c1']);
    expect(list('hashtag', '24h', 'en').sort()).toEqual(['jazz', 'live']);
    expect(list('video', '24h')).toEqual(['v1']); // two comments weigh 1.5 each: the threshold of 3 exactly
  });

  it('keeps a 7-day-only signal out of the 24 h lists', async () => {
    const { recompute, list } = setUp(fans(6, { at: new Date(NOW.getTime() - 30 * 3_600_000) }));
    await recompute.run(NOW);
    expect(list('video', '24h')).toEqual([]);
    expect(list('video', '7d')).toEqual(['v1']);
  });

  it('drops suspended creators, records what it found, and tells the catalog only what changed', async () => {
    const { recompute, store, eligibility, trust, cache } = setUp([
      ...fans(4),
      ...fans(4, { videoId: 'v2', creatorId: 'c2' }),
    ]);
    await recompute.run(NOW);
    expect([...store.published.keys()].sort()).toEqual(['v1', 'v2']);

    trust.suspended.add('c2');
    await recompute.run(NOW);
    expect(store.rows.filter((row) => row.kind === 'video').map((row) => row.subject)).not.toContain('v2');
    expect(eligibility.recorded.at(-1)).toEqual([['c1', 'c2'], new Map([['c2', 'suspension']])]);
    const events = store.runs.at(-1)!.pullDomainEvents() as VideoTrendScoresChanged[];
    expect(events.flatMap((event) => event.scores)).toEqual([{ videoId: 'v2', score: 0 }]);
    expect(cache.invalidations).toBe(2);
  });
});
