import { CoWatchModel, coWatchSimilarity } from './recommender.js';

describe('coWatchSimilarity', () => {
  it('is 0 without co-watches and grows with them', () => {
    expect(coWatchSimilarity(0, 10, 10)).toBe(0);
    expect(coWatchSimilarity(5, 10, 10)).toBeGreaterThan(coWatchSimilarity(2, 10, 10));
  });

  it('damps a video everybody watches', () => {
    expect(coWatchSimilarity(5, 10, 1_000)).toBeLessThan(coWatchSimilarity(5, 10, 10) / 5);
  });

  it('shrinks a pair that a single person happened to watch', () => {
    expect(coWatchSimilarity(1, 1, 1)).toBeLessThan(0.5);
    expect(coWatchSimilarity(20, 20, 20)).toBeGreaterThan(0.9);
  });
});

describe('CoWatchModel', () => {
  it('counts people and pairs one interaction at a time', () => {
    const model = new CoWatchModel();
    model.add('ann', 'a');
    model.add('ann', 'b');
    model.add('bob', 'a');
    expect(model.coCount('a', 'b')).toBe(1);
    model.add('bob', 'b');
    expect([model.count('a'), model.count('b'), model.coCount('a', 'b'), model.coCount('b', 'a')]).toEqual([
      2, 2, 2, 2,
    ]);
    expect(model.stats()).toEqual({ people: 2, videos: 2, pairs: 1 });
  });

  it('caps one account at one count per video and per pair, however often it watches them', () => {
    const model = new CoWatchModel();
    for (const person of ['ann', 'bob', 'cat']) ['a', 'c'].forEach((video) => model.add(person, video));
    model.add('dan', 'b');
    const before = model.neighbors('a', 10);
    for (let i = 0; i < 500; i++) {
      model.add('sock', 'a');
      model.add('sock', 'b');
    }
    expect(model.coCount('a', 'b')).toBe(1);
    expect(model.count('b')).toBe(2);
    expect(model.add('sock', 'b')).toBe(false);
    // The honest pair (three people) still outranks the one an account pushed.
    expect(model.neighbors('a', 10).map((n) => n.videoId)).toEqual(['c', 'b']);
    expect(before.map((n) => n.videoId)).toEqual(['c']);
  });

  it('pairs a video only with the account’s latest ones, so a bot watching everything adds little', () => {
    const model = new CoWatchModel({ maxHistoryPerPerson: 3 });
    for (let i = 0; i < 1_000; i++) model.add('bot', `v${i}`);
    expect(model.stats().pairs).toBeLessThanOrEqual(3 * 1_000);
    expect(model.coCount('v0', 'v999')).toBe(0);
    expect(model.coCount('v998', 'v999')).toBe(1);
  });

  it('ranks neighbours by damped similarity and respects the minimum co-count', () => {
    const model = new CoWatchModel({ minCoCount: 2 });
    for (let p = 0; p < 4; p++) ['pasta', 'pizza'].forEach((video) => model.add(`cook${p}`, video));
    for (let p = 0; p < 40; p++) model.add(`fan${p}`, 'hit');
    for (let p = 0; p < 4; p++) model.add(`cook${p}`, 'hit');
    model.add('lone', 'pasta');
    model.add('lone', 'risotto');
    const neighbors = model.neighbors('pasta', 5);
    expect(neighbors.map((n) => n.videoId)).toEqual(['pizza', 'hit']);
    expect(neighbors[0].similarity).toBeGreaterThan(neighbors[1].similarity);
    expect(model.neighbors('unknown', 5)).toEqual([]);
    expect(model.neighbors('pasta', 0)).toEqual([]);
  });
});
