import { evaluateOffline, generateSyntheticLog, type InteractionLog, type StrategyMetrics } from './recommender.js';

describe('offline evaluation', () => {
  it('generates the same planted log for the same seed, and another for another seed', () => {
    const options = { people: 50, videos: 60 };
    const a = generateSyntheticLog({ ...options, seed: 9 });
    expect(generateSyntheticLog({ ...options, seed: 9 })).toEqual(a);
    expect(generateSyntheticLog({ ...options, seed: 10 }).signals).not.toEqual(a.signals);
    expect(a.signals.every((s) => a.videos.find((v) => v.videoId === s.videoId)!.publishedAt <= s.at)).toBe(true);
  });

  it('finds the planted structure: hybrid beats popularity by 20 % NDCG@10 with more coverage', () => {
    const log = generateSyntheticLog({ seed: 2026, people: 300, videos: 300 });
    const report = evaluateOffline(log);
    const by = Object.fromEntries(report.strategies.map((row) => [row.strategy, row])) as Record<
      string,
      StrategyMetrics
    >;
    expect(report.evaluated).toBeGreaterThan(250);
    expect(by.hybrid.ndcg).toBeGreaterThanOrEqual(1.2 * by.popularity.ndcg);
    expect(by.hybrid.coverage).toBeGreaterThan(by.popularity.coverage);
    expect(by.hybrid.hitRate).toBeGreaterThan(by.random.hitRate);
    expect(by['item-cf'].ndcg).toBeGreaterThan(by.random.ndcg);
    expect(by.content.ndcg).toBeGreaterThan(by.random.ndcg);
    expect(by.hybrid.creatorDiversity).toBeGreaterThan(by.content.creatorDiversity);
    for (const row of report.strategies)
      for (const value of [row.hitRate, row.ndcg, row.coverage, row.creatorDiversity, row.categoryDiversity]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
  });

  it('splits by time too: nothing after the moment trains, every new video after it counts', async () => {
    const log = generateSyntheticLog({ seed: 2026, people: 300, videos: 300 });
    const report = evaluateOffline(log, { split: 'time', strategies: ['popularity', 'hybrid'] });
    const last = log.signals.at(-1)!.at.getTime();
    expect(report.method).toBe('time-split');
    expect(report.splitAt!.getTime()).toBeLessThan(last);
    expect(report.evaluated).toBeGreaterThan(150);
    const [popularity, hybrid] = report.strategies;
    expect(hybrid.ndcg).toBeGreaterThanOrEqual(1.2 * popularity.ndcg);
    expect(hybrid.coverage).toBeGreaterThan(popularity.coverage);
  });

  it('in a time split, normalises by the ideal DCG of all the videos a person took up after the split', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    const like = (personId: string, videoId: string, minute: number) => ({
      personId,
      videoId,
      kind: 'like' as const,
      value: 1,
      at: at(minute),
    });
    const video = (videoId: string) => ({
      videoId,
      creatorId: 'c',
      category: null,
      language: null,
      tags: [],
      seriesId: null,
      durationSeconds: null,
      title: '',
      description: '',
      publishedAt: at(0),
    });
    // p3 starts like p1 and p2 (a, b), then after the split takes up c (which p1 and p2 watched) and y (nobody did).
    const log: InteractionLog = {
      videos: ['a', 'b', 'c', 'x', 'y'].map(video),
      follows: [],
      signals: [
        ...['a', 'b', 'x', 'c'].map((v, i) => like('p1', v, 1 + i)),
        ...['a', 'b', 'x', 'c'].map((v, i) => like('p2', v, 5 + i)),
        like('p3', 'a', 11),
        like('p3', 'b', 12),
        like('p3', 'c', 13),
        like('p3', 'y', 14),
      ],
    };
    const splitAt = new Date(at(12).getTime() + 30_000);
    const report = evaluateOffline(log, { split: 'time', splitAt, strategies: ['item-cf'], k: 3 });
    expect(report).toMatchObject({ method: 'time-split', splitAt, evaluated: 1 });
    // item-cf lists c then x (y has no co-watches): DCG 1 of an ideal 1 + 1/log2(3).
    expect(report.strategies[0].hitRate).toBe(1);
    expect(report.strategies[0].ndcg).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 10);
  });

  it('scores the held-out video: a hit at the top counts 1, a list without it 0', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    const video = (videoId: string) => ({
      videoId,
      creatorId: `c-${videoId}`,
      category: 'x',
      language: null,
      tags: [],
      seriesId: null,
      durationSeconds: null,
      title: '',
      description: '',
      publishedAt: at(0),
    });
    // p1–p3 watch a → b → c → d → f (f held out), p4 watches a → b → c → d (d held out): for p4, c's
    // co-watch neighbour d is first; p1–p3 have nothing left to be recommended (e was never watched).
    const log: InteractionLog = {
      videos: ['a', 'b', 'c', 'd', 'e', 'f'].map(video),
      follows: [],
      signals: ['p1', 'p2', 'p3', 'p4'].flatMap((personId, p) =>
        (p < 3 ? ['a', 'b', 'c', 'd', 'f'] : ['a', 'b', 'c', 'd']).map((videoId, i) => ({
          personId,
          videoId,
          kind: 'like' as const,
          value: 1,
          at: at(10 * p + i + 1),
        })),
      ),
    };
    const report = evaluateOffline(log, { strategies: ['item-cf', 'popularity'], minHistory: 4, k: 1 });
    expect(report).toMatchObject({
      method: 'leave-last-out',
      splitAt: null,
      k: 1,
      people: 4,
      evaluated: 4,
      videos: 6,
      interactions: 19,
    });
    const [cf, popularity] = report.strategies;
    expect(cf).toMatchObject({ hitRate: 0.25, ndcg: 0.25, coverage: 1 / 6, creatorDiversity: 0 });
    // Popularity knows a, b, c and d: d is the only one p4 has not seen, p1–p3 have seen them all.
    expect(popularity).toMatchObject({ hitRate: 0.25, ndcg: 0.25, coverage: 1 / 6 });
    const k3 = evaluateOffline(log, { strategies: ['item-cf'], minHistory: 4, k: 3 }).strategies[0];
    expect(k3.ndcg).toBe(0.25);
  });
});
