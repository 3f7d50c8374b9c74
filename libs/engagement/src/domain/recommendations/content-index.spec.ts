import { ContentIndex, durationBucket, generateSyntheticLog, terms, type VideoFeatures } from './recommender.js';

const video = (videoId: string, overrides: Partial<VideoFeatures> = {}): VideoFeatures => ({
  videoId,
  creatorId: 'someone',
  category: 'cooking',
  language: 'en',
  tags: [],
  seriesId: null,
  durationSeconds: 600,
  title: '',
  description: '',
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  ...overrides,
});

const catalog = [
  video('carbonara', { creatorId: 'chef', tags: ['pasta', 'italian'], title: 'Carbonara the Roman way' }),
  video('cacio', { creatorId: 'chef', tags: ['pasta', 'italian'], title: 'Cacio e pepe, Roman classic' }),
  video('lasagna', { creatorId: 'nonna', tags: ['pasta', 'oven'], title: 'Sunday lasagna' }),
  video('curry', { creatorId: 'spice', tags: ['curry', 'indian'], title: 'Weeknight chickpea curry' }),
  video('boss', { creatorId: 'gamer', category: 'gaming', tags: ['speedrun'], title: 'Final boss speedrun' }),
  video('boss-2', { creatorId: 'gamer', category: 'gaming', tags: ['speedrun'], seriesId: 'runs', title: 'Boss rush' }),
  video('boss-3', {
    creatorId: 'gamer',
    category: 'gaming',
    tags: ['speedrun'],
    seriesId: 'runs',
    title: 'Boss rush 2',
  }),
  video('chat', { creatorId: 'talker', category: 'talk', language: 'fr', tags: [], durationSeconds: 5_000 }),
];

describe('ContentIndex', () => {
  const index = new ContentIndex(catalog);

  it('finds videos sharing tags, terms and creator first — for a video nobody has watched', () => {
    const neighbors = index.similar('carbonara', 3);
    expect(neighbors.map((n) => n.videoId)).toEqual(['cacio', 'lasagna', 'curry']);
    expect(neighbors[0].similarity).toBeGreaterThan(neighbors[1].similarity);
    expect(neighbors.every((n) => n.similarity > 0 && n.similarity <= 1)).toBe(true);
  });

  it('puts episodes of the same series above the creator’s other videos', () => {
    expect(index.similar('boss-2', 2).map((n) => n.videoId)).toEqual(['boss-3', 'boss']);
    expect(index.similarity('boss-2', 'boss-3')).toBeGreaterThan(index.similarity('boss-2', 'boss'));
  });

  it('is symmetric, 1 with itself, 0 for unrelated or unknown videos', () => {
    expect(index.similarity('cacio', 'lasagna')).toBeCloseTo(index.similarity('lasagna', 'cacio'), 12);
    expect(index.similarity('cacio', 'cacio')).toBeCloseTo(1, 12);
    expect(index.similarity('boss', 'chat')).toBe(0);
    expect(index.similar('chat', 5)).toEqual([]);
    expect(index.similar('nope', 5)).toEqual([]);
    expect(index.similar('cacio', 0)).toEqual([]);
  });

  it('weights a rare shared tag above a common shared category', () => {
    const weighted = new ContentIndex([
      video('a', { tags: ['sourdough'] }),
      video('b', { tags: ['sourdough'], category: 'baking' }),
      ...Array.from({ length: 20 }, (_, i) => video(`c${i}`)),
    ]);
    expect(weighted.similar('a', 1)[0].videoId).toBe('b');
  });

  it('scores a small share of 20,000 videos per query (an inverted index, not all pairs)', () => {
    const { videos } = generateSyntheticLog({ seed: 3, people: 1, videos: 20_000 });
    const large = new ContentIndex(videos);
    const scored: number[] = [];
    for (const { videoId } of videos.slice(0, 100)) {
      expect(large.similar(videoId, 20)).toHaveLength(20);
      scored.push(large.candidatesOfLastQuery);
    }
    // Work, not wall-clock time (speed is measured in `npm run bench -- recs`).
    expect(Math.max(...scored)).toBeLessThan(videos.length / 4);
    const [first] = large.similar(videos[0].videoId, 1);
    expect(first.similarity).toBeCloseTo(large.similarity(videos[0].videoId, first.videoId), 12);
  });
});

describe('features', () => {
  it('buckets durations and keeps meaningful words', () => {
    expect([30, 600, 2_000, 7_200, null, 0].map(durationBucket)).toEqual([
      'short',
      'medium',
      'long',
      'feature',
      null,
      null,
    ]);
    expect(terms('The BEST Crème-brûlée, in 10 minutes!')).toEqual(['best', 'crème', 'brûlée', 'minutes']);
  });
});
