import type { InteractionSignal, SignalKind } from '../../domain/recommendations/recommender.js';
import { profileOf } from './recommendation-serving.js';

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
