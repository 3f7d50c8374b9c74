import {
  CoWatchModel,
  ContentIndex,
  profileFromSignals,
  rank,
  type HybridInput,
  type InteractionSignal,
  type PersonProfile,
  type RankOptions,
  type VideoFeatures,
} from './recommender.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

const video = (videoId: string, creatorId: string, category: string, overrides: Partial<VideoFeatures> = {}) => ({
  videoId,
  creatorId,
  category,
  language: 'en',
  tags: [category],
  seriesId: null,
  durationSeconds: 600,
  title: `${category} ${videoId}`,
  description: '',
  publishedAt: daysAgo(30),
  ...overrides,
});

/** Cooking by three creators, gaming by two, a music hit everybody watches, a brand-new cooking video. */
const catalog: VideoFeatures[] = [
  ...['pasta', 'pizza', 'risotto', 'gnocchi'].map((id) => video(id, 'chef', 'cooking', { tags: ['italian', 'pasta'] })),
  ...['curry', 'dal', 'naan'].map((id) => video(id, 'spice', 'cooking', { tags: ['indian', 'curry'] })),
  ...['bread', 'brioche'].map((id) => video(id, 'baker', 'cooking', { tags: ['baking', 'bread'] })),
  ...['boss', 'speedrun', 'loot'].map((id) => video(id, 'gamer', 'gaming', { tags: ['speedrun'] })),
  video('retro', 'arcade', 'gaming', { tags: ['retro', 'speedrun'] }),
  video('hit', 'star', 'music', { tags: ['pop'] }),
  video('fresh-lasagna', 'chef', 'cooking', { tags: ['italian', 'pasta'], publishedAt: daysAgo(1) }),
  video('scheduled', 'chef', 'cooking', { tags: ['italian', 'pasta'], publishedAt: new Date(NOW.getTime() + DAY_MS) }),
];
const features = new Map(catalog.map((v) => [v.videoId, v]));
const contentIndex = new ContentIndex(catalog);

/** Other people's histories: cooks watch across cooking creators, gamers game, everybody plays the hit. */
function coWatchModel(): CoWatchModel {
  const model = new CoWatchModel();
  const sessions = [
    ['pasta', 'pizza', 'curry', 'bread', 'hit'],
    ['pasta', 'risotto', 'dal', 'brioche', 'hit'],
    ['pizza', 'gnocchi', 'naan', 'bread', 'hit'],
    ['pasta', 'curry', 'naan', 'hit'],
    ['boss', 'speedrun', 'retro', 'hit'],
    ['boss', 'loot', 'retro', 'hit'],
    ['speedrun', 'loot', 'hit'],
    ['hit'],
    ['hit'],
  ];
  sessions.forEach((videos, p) => videos.forEach((v) => model.add(`p${p}`, v)));
  return model;
}
const model = coWatchModel();
const popular = ['hit', 'pasta', 'boss', 'pizza', 'curry', 'speedrun', 'bread', 'naan', 'loot', 'retro'].map(
  (videoId) => ({
    videoId,
    score: model.count(videoId),
  }),
);

function inputFor(profile: PersonProfile, overrides: Partial<HybridInput> = {}): HybridInput {
  const recent = [...profile.recent, ...(profile.disliked ?? [])].map((entry) => entry.videoId);
  return {
    person: profile,
    coWatch: new Map(recent.map((v) => [v, model.neighbors(v, 20)])),
    content: new Map(recent.map((v) => [v, contentIndex.similar(v, 20)])),
    features,
    popular,
    fromFollowed: [],
    now: NOW,
    ...overrides,
  };
}
const like = (videoId: string, days = 1): InteractionSignal => ({
  personId: 'ann',
  videoId,
  kind: 'like',
  value: 1,
  at: daysAgo(days),
});
const emptyProfile = (): PersonProfile => profileFromSignals([], NOW);
const ids = (items: Array<{ videoId: string }>) => items.map((item) => item.videoId);
const options = (strategy: RankOptions['strategy'], more: Partial<RankOptions> = {}): RankOptions => ({
  count: 10,
  strategy,
  ...more,
});

describe('rank', () => {
  it('gives a person with no history popular videos, new ones from those they follow and the newest', () => {
    const items = rank(
      inputFor(emptyProfile(), { fromFollowed: ['fresh-lasagna'], newest: ['fresh-lasagna', 'retro'] }),
      options('hybrid', { count: 5 }),
    );
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ videoId: 'fresh-lasagna', reason: 'new_from_followed', basedOn: null });
    expect(items.slice(1).map((item) => item.reason)).toEqual(['trending', 'trending', 'trending', 'trending']);
    expect(ids(items)).toContain('hit');
    for (const strategy of ['item-cf', 'content', 'popularity'] as const)
      expect(ids(rank(inputFor(emptyProfile()), options(strategy, { count: 3 })))).toEqual(['hit', 'pasta', 'boss']);
  });

  it('recommends what people who liked the same video watched, with the video it is based on', () => {
    const items = rank(inputFor(profileFromSignals([like('pasta')], NOW)), options('item-cf', { count: 3 }));
    expect(items.map((item) => item.reason)).toEqual([
      'because_you_watched',
      'because_you_watched',
      'because_you_watched',
    ]);
    expect(items.every((item) => item.basedOn === 'pasta')).toBe(true);
    expect(ids(items)).not.toContain('pasta');
    expect(features.get(items[0].videoId)?.category).toBe('cooking');
  });

  it('recommends content neighbours of a video nobody else has watched', () => {
    const profile = profileFromSignals([like('fresh-lasagna')], NOW);
    expect(model.neighbors('fresh-lasagna', 5)).toEqual([]);
    const items = rank(inputFor(profile), options('content', { count: 4 }));
    expect(
      items.slice(0, 4).every((item) => item.reason === 'similar_content' && item.basedOn === 'fresh-lasagna'),
    ).toBe(true);
    expect(ids(items).every((id) => features.get(id)?.creatorId === 'chef')).toBe(true);
    const hybrid = rank(inputFor(profile), options('hybrid', { count: 3 }));
    expect(hybrid[0]).toMatchObject({ reason: 'similar_content', basedOn: 'fresh-lasagna' });
  });

  it('gives someone who likes cooking a cooking-heavy list spread over creators', () => {
    const profile = profileFromSignals([like('pasta', 1), like('pizza', 2), like('risotto', 3)], NOW);
    const hybrid = rank(inputFor(profile), options('hybrid', { count: 6 }));
    const of = (id: string) => features.get(id) as VideoFeatures;
    const cooking = hybrid.filter((item) => of(item.videoId).category === 'cooking');
    expect(cooking.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cooking.map((item) => of(item.videoId).creatorId)).size).toBeGreaterThanOrEqual(3);
    expect(ids(hybrid).filter((id) => ['pasta', 'pizza', 'risotto'].includes(id))).toEqual([]);
  });

  it('spreads close candidates over creators and categories (maximal marginal relevance)', () => {
    const profile: PersonProfile = { ...emptyProfile(), recent: [{ videoId: 'bread', weight: 1, at: daysAgo(1) }] };
    const neighbours = [
      { videoId: 'pasta', similarity: 0.9 },
      { videoId: 'pizza', similarity: 0.89 },
      { videoId: 'risotto', similarity: 0.88 },
      { videoId: 'curry', similarity: 0.8 },
      { videoId: 'boss', similarity: 0.78 },
    ];
    const input = inputFor(profile, { content: new Map([['bread', neighbours]]), coWatch: new Map(), popular: [] });
    expect(ids(rank(input, options('content', { count: 3 })))).toEqual(['pasta', 'pizza', 'risotto']);
    const hybrid = ids(rank(input, options('hybrid', { count: 5 })));
    expect(hybrid[0]).toBe('pasta');
    expect(hybrid.slice(0, 3)).toEqual(expect.arrayContaining(['curry', 'boss']));
    expect([...hybrid].sort()).toEqual(['boss', 'curry', 'pasta', 'pizza', 'risotto']);
  });

  it('changes the next list when the person likes something new (no recompute)', () => {
    const signals = [like('pasta', 2)];
    const before = rank(inputFor(profileFromSignals(signals, NOW)), options('hybrid', { count: 5 }));
    signals.push({ ...like('boss', 0), at: NOW });
    const after = rank(inputFor(profileFromSignals(signals, NOW)), options('hybrid', { count: 5 }));
    expect(ids(after)).not.toEqual(ids(before));
    expect(after.some((item) => item.basedOn === 'boss' && features.get(item.videoId)?.category === 'gaming')).toBe(
      true,
    );
    expect(before.some((item) => features.get(item.videoId)?.category === 'gaming' && item.basedOn)).toBe(false);
  });

  it('pushes down the neighbours of a video the person turned down, the more the fresher the dislike', () => {
    const liked = [like('pasta', 1), like('hit', 1)];
    const turnedDown = (days: number): InteractionSignal => ({ ...like('speedrun', days), kind: 'dislike' });
    const list = (signals: InteractionSignal[]) =>
      rank(inputFor(profileFromSignals(signals, NOW)), options('hybrid', { count: 30 }));
    const score = (items: Array<{ videoId: string; score: number }>, videoId: string) =>
      items.find((item) => item.videoId === videoId)?.score ?? 0;
    const before = list(liked);
    const fresh = list([...liked, turnedDown(0)]);
    const old = list([...liked, turnedDown(60)]);
    // speedrun's co-watch neighbours (gaming) lose score, most with a fresh dislike; cooking keeps its order.
    for (const neighbour of ['boss', 'loot', 'retro']) {
      expect(score(before, neighbour)).toBeGreaterThan(0);
      expect(score(fresh, neighbour)).toBeLessThan(score(old, neighbour));
      expect(score(old, neighbour)).toBeLessThan(score(before, neighbour));
    }
    expect(ids(fresh).indexOf('boss')).toBeGreaterThan(ids(before).indexOf('boss'));
    const cooking = (items: Array<{ videoId: string }>) =>
      ids(items).filter((id) => features.get(id)?.category === 'cooking');
    expect(cooking(fresh)).toEqual(cooking(before));
    expect(fresh.find((item) => item.videoId === 'curry')?.score).toBeCloseTo(
      before.find((item) => item.videoId === 'curry')!.score,
      10,
    );
  });

  it('leaves out excluded videos, hidden creators, unpublished and unknown videos, and applies the filters', () => {
    const profile = {
      ...profileFromSignals([like('pasta')], NOW),
      excludedVideos: new Set(['pizza']),
      hiddenCreators: new Set(['spice']),
    };
    const input = inputFor(profile, { popular: [{ videoId: 'ghost', score: 99 }, ...popular], newest: ['scheduled'] });
    for (const strategy of ['random', 'popularity', 'item-cf', 'content', 'hybrid'] as const) {
      const listed = ids(rank(input, options(strategy, { count: 30 })));
      for (const hidden of ['pizza', 'curry', 'dal', 'naan', 'scheduled', 'ghost'])
        expect(listed).not.toContain(hidden);
      const cooking = rank(input, options(strategy, { category: 'cooking' }));
      expect(cooking.length).toBeGreaterThan(0);
      expect(cooking.every((item) => features.get(item.videoId)?.category === 'cooking')).toBe(true);
      const gamer = rank(input, options(strategy, { creatorId: 'gamer' }));
      expect(gamer.length).toBeGreaterThan(0);
      expect(gamer.every((item) => features.get(item.videoId)?.creatorId === 'gamer')).toBe(true);
    }
    const popularInCategory = rank(inputFor(emptyProfile()), options('popularity', { category: 'gaming' }));
    expect(popularInCategory.every((item) => item.reason === 'popular_in_category')).toBe(true);
  });

  it('leaves out what the plan cannot play, or keeps it marked as a teaser', () => {
    const input = inputFor(emptyProfile(), { locked: new Set(['hit']) });
    expect(ids(rank(input, options('popularity')))).not.toContain('hit');
    const teased = rank(input, options('popularity', { locked: 'tease' }));
    expect(teased[0]).toMatchObject({ videoId: 'hit', locked: true });
    expect(teased.slice(1).every((item) => item.locked === undefined)).toBe(true);
  });

  it('answers nothing for a count of 0, never more than the count, and the same random list for the same seed', () => {
    const input = inputFor(profileFromSignals([like('pasta')], NOW));
    expect(rank(input, options('hybrid', { count: 0 }))).toEqual([]);
    expect(rank(input, options('hybrid', { count: -3 }))).toEqual([]);
    expect(rank(input, options('hybrid', { count: 2 }))).toHaveLength(2);
    const first = ids(rank(input, options('random', { seed: 1 })));
    expect(ids(rank(input, options('random', { seed: 1 })))).toEqual(first);
    expect(ids(rank(input, options('random', { seed: 2 })))).not.toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});
