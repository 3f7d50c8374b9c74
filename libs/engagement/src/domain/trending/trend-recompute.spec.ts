import { changedScores, SCORE_CHANGES_PER_EVENT, TrendRecompute, VideoTrendScoresChanged } from './trend-recompute.js';

describe('a trending recompute', () => {
  it('announces new and moved scores, and 0 for videos that left, nothing for unchanged or barely decayed ones', () => {
    const previous = new Map([
      ['a', 5],
      ['e', 10],
      ['b', 3],
      ['c', 2],
    ]);
    const current = new Map([
      ['a', 5],
      ['e', 9.9],
      ['b', 4],
      ['d', 7],
    ]);
    expect(changedScores(previous, current)).toEqual([
      { videoId: 'b', score: 4 },
      { videoId: 'c', score: 0 },
      { videoId: 'd', score: 7 },
    ]);
  });

  it('records the changes in events of at most 500 scores', () => {
    const changes = Array.from({ length: 1_201 }, (_, i) => ({ videoId: `v${i}`, score: i + 1 }));
    const run = TrendRecompute.finished('run-1', new Date(0), changes);
    const events = run.pullDomainEvents() as VideoTrendScoresChanged[];
    expect(events.map((event) => event.scores.length)).toEqual([SCORE_CHANGES_PER_EVENT, SCORE_CHANGES_PER_EVENT, 201]);
    expect(events.flatMap((event) => event.scores)).toEqual(changes);
    expect(run.changedScores).toBe(1_201);
  });

  it('records no event when nothing changed', () => {
    expect(TrendRecompute.finished('run-2', new Date(0), []).pullDomainEvents()).toEqual([]);
  });
});
