import {
  SIGNAL_HALF_LIFE_DAYS,
  profileFromSignals,
  signalWeight,
  type InteractionSignal,
  type SignalKind,
} from './recommender.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const DAY_MS = 86_400_000;
const signal = (kind: SignalKind, value = 1, daysAgo = 0, videoId = 'v1'): InteractionSignal => ({
  personId: 'ann',
  videoId,
  kind,
  value,
  at: new Date(NOW.getTime() - daysAgo * DAY_MS),
});
const weight = (kind: SignalKind, value = 1, daysAgo = 0) => signalWeight(signal(kind, value, daysAgo), NOW);

describe('signalWeight', () => {
  it('ranks a completion above a like or a save, those above a view, and a view above nothing', () => {
    expect(weight('completion')).toBeGreaterThan(weight('like'));
    expect(weight('like')).toBe(weight('save'));
    expect(weight('like')).toBeGreaterThan(weight('comment'));
    expect(weight('comment')).toBeGreaterThan(weight('view'));
    expect(weight('view')).toBeGreaterThan(0);
  });

  it('makes skips and dislikes negative, a dislike more so', () => {
    expect(weight('skip')).toBeLessThan(0);
    expect(weight('dislike')).toBeLessThan(weight('skip'));
  });

  it('centres ratings on 3 stars and clamps them to 1–5', () => {
    expect(weight('rating', 3)).toBe(0);
    expect(weight('rating', 5)).toBeGreaterThan(weight('rating', 4));
    expect(weight('rating', 4)).toBeGreaterThan(0);
    expect(weight('rating', 1)).toBe(-weight('rating', 5));
    expect(weight('rating', 50)).toBe(weight('rating', 5));
  });

  it('lets watch time grow with the seconds but saturate below a completion', () => {
    const [minute, tenMinutes, hour, day] = [60, 600, 3_600, 86_400].map((s) => weight('watch_time', s));
    expect(minute).toBeLessThan(tenMinutes);
    expect(tenMinutes).toBeLessThan(hour);
    expect(day - hour).toBeLessThan(0.01);
    expect(day).toBeLessThan(weight('completion'));
    expect(weight('watch_time', -5)).toBe(0);
  });

  it('halves a signal every half-life and never boosts one from the future', () => {
    expect(weight('like', 1, SIGNAL_HALF_LIFE_DAYS)).toBeCloseTo(weight('like') / 2, 10);
    expect(weight('like', 1, 2 * SIGNAL_HALF_LIFE_DAYS)).toBeCloseTo(weight('like') / 4, 10);
    expect(weight('like', 1, -3)).toBe(weight('like'));
  });
});

describe('profileFromSignals', () => {
  it('sums each video, lists positive ones latest first, excludes finished, disliked and net-negative ones', () => {
    const profile = profileFromSignals(
      [
        signal('view', 1, 5, 'old'),
        signal('like', 1, 1, 'liked'),
        signal('view', 1, 3, 'finished'),
        signal('completion', 1, 3, 'finished'),
        signal('view', 1, 2, 'skipped'),
        signal('skip', 1, 2, 'skipped'),
        signal('dislike', 1, 4, 'disliked'),
        signal('like', 1, -1, 'future'),
      ],
      NOW,
    );
    expect(profile.recent.map((entry) => entry.videoId)).toEqual(['liked', 'finished', 'old']);
    expect(profile.recent[1].weight).toBeCloseTo(weight('view', 1, 3) + weight('completion', 1, 3), 10);
    expect([...profile.excludedVideos].sort()).toEqual(['disliked', 'finished', 'skipped']);
    // Net-negative videos, most negative first: the ranker pushes their neighbours down.
    expect(profile.disliked?.map((entry) => entry.videoId)).toEqual(['disliked', 'skipped']);
    expect(profile.disliked?.[1].weight).toBeCloseTo(weight('view', 1, 2) + weight('skip', 1, 2), 10);
  });
});
