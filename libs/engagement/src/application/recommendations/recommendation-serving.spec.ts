import type { AppConfig } from '@config';
import type { BillingApi } from '@lib/billing/contracts';
import type { ExperimentAssignment, Experiments } from '@lib/insights/contracts';
import type { InteractionSignal, SignalKind } from '../../domain/recommendations/recommender.js';
import { RecommendationCache, RecommendationReadModel, type RecommendableVideo } from './recommendation-ports.js';
import { profileOf, RecommendationServing } from './recommendation-serving.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const signal = (videoId: string, kind: SignalKind, minutes: number, value = 1): InteractionSignal => ({
  personId: 'p',
  videoId,
  kind,
  value,
  at: minutesAgo(minutes),
});

describe('a person’s profile from their signals', () => {
  it('sums each video’s signals into one entry, most recently touched first', () => {
    const profile = profileOf(
      {
        signals: [signal('old', 'like', 300), signal('new', 'like', 5), signal('old', 'comment', 60)],
        followedCreators: ['c1'],
        hiddenCreators: ['c2'],
      },
      NOW,
    );
    expect(profile.recent.map((entry) => entry.videoId)).toEqual(['new', 'old']);
    expect(profile.recent[1].at).toEqual(minutesAgo(60));
    expect(profile.recent.every((entry) => entry.weight > 0)).toBe(true);
    expect([...profile.followedCreators]).toEqual(['c1']);
    expect([...profile.hiddenCreators]).toEqual(['c2']);
  });

  it('excludes finished videos (still a taste) and disliked ones (not a taste)', () => {
    const profile = profileOf(
      {
        signals: [signal('finished', 'completion', 10), signal('disliked', 'dislike', 5), signal('liked', 'like', 1)],
        followedCreators: [],
        hiddenCreators: [],
      },
      NOW,
    );
    expect([...profile.excludedVideos].sort()).toEqual(['disliked', 'finished']);
    expect(profile.recent.map((entry) => entry.videoId)).toEqual(['liked', 'finished']);
  });

  it('is empty for someone with no history', () => {
    const profile = profileOf({ signals: [], followedCreators: [], hiddenCreators: [] }, NOW);
    expect(profile.recent).toEqual([]);
    expect(profile.excludedVideos.size).toBe(0);
  });
});

describe('serving with an experiment', () => {
  const video = (videoId: string, accessLevel = 'free'): RecommendableVideo => ({
    videoId,
    channelId: 'ch',
    creatorId: `creator-${videoId}`,
    category: 'cooking',
    language: 'en',
    tags: [],
    seriesId: null,
    durationSeconds: 600,
    title: videoId,
    description: '',
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    accessLevel,
    earlyAccessUntil: null,
  });
  const catalogue = new Map([
    ['a', video('a')],
    ['b', video('b', 'ad_free')],
  ]);
  class Reads extends RecommendationReadModel {
    personSignals = async () => ({ signals: [], followedCreators: [], hiddenCreators: [] });
    neighbours = async () => ({ coWatch: new Map(), content: new Map() });
    videos = async (ids: string[]) =>
      new Map(ids.flatMap((id) => (catalogue.has(id) ? [[id, catalogue.get(id)!]] : [])));
    popular = async () => [
      { videoId: 'b', score: 2 },
      { videoId: 'a', score: 1 },
    ];
    newest = async () => ['a', 'b'];
    trending = async () => [];
    fromFollowed = async () => [];
  }
  class MemoryCache extends RecommendationCache {
    readonly entries = new Map<string, unknown>();
    get = async <T>(owner: string, key: string) => this.entries.get(`${owner}/${key}`) as T | undefined;
    set = async (owner: string, key: string, value: unknown) => void this.entries.set(`${owner}/${key}`, value);
    forget = async () => undefined;
  }
  const billing = { entitlementsOf: async () => ({ entitlements: { ad_free: false } }) } as unknown as BillingApi;
  const config = (lockedVideos: 'teaser' | 'drop') => ({ recommendations: { lockedVideos } }) as AppConfig;
  const experiments = (answer: () => Promise<ExperimentAssignment | null>) =>
    ({ assign: answer }) as unknown as Experiments;

  it('serves the arm’s strategy and names the experiment; caches per arm', async () => {
    const cache = new MemoryCache();
    const serving = new RecommendationServing(
      new Reads(),
      cache,
      billing,
      config('teaser'),
      experiments(async () => ({ experimentId: 'exp-1', arm: 'popularity' })),
    );
    const list = await serving.home('p', 10, {});
    expect(list).toMatchObject({ strategy: 'popularity', experiment: { id: 'exp-1', arm: 'popularity' } });
    expect([...cache.entries.keys()].some((key) => key.startsWith('p/home:exp-1:popularity:'))).toBe(true);
  });

  it('falls back to hybrid without a port, for an unknown arm, or when assignment fails', async () => {
    const arms = [
      undefined,
      experiments(async () => ({ experimentId: 'exp-2', arm: 'no-such-strategy' })),
      experiments(() => Promise.reject(new Error('insights is down'))),
    ];
    const served = await Promise.all(
      arms.map((port) =>
        new RecommendationServing(new Reads(), new MemoryCache(), billing, config('teaser'), port).home('p', 10, {}),
      ),
    );
    expect(served.map((list) => list.strategy)).toEqual(['hybrid', 'hybrid', 'hybrid']);
    expect(served[1].experiment).toBeNull();
    expect(served[2].experiment).toBeNull();
  });

  it('marks what the plan cannot play as a teaser, or drops it', async () => {
    const teaser = await new RecommendationServing(new Reads(), new MemoryCache(), billing, config('teaser')).home(
      'p',
      10,
      {},
    );
    expect(teaser.items.map((item) => [item.videoId, item.upgradeRequired]).sort()).toEqual([
      ['a', false],
      ['b', true],
    ]);
    const dropped = await new RecommendationServing(new Reads(), new MemoryCache(), billing, config('drop')).home(
      'p',
      10,
      {},
    );
    expect(dropped.items.map((item) => item.videoId)).toEqual(['a']);
  });
});
