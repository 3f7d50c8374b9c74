import { WatchEntry } from './watch-entry.js';
import { VideoCompleted, WatchProgressed } from './watch-progress.events.js';

const video = { videoId: 'v', channelId: 'c', creatorId: 'u', durationSeconds: 600 };
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 12, 0, seconds));

describe('a watch history entry', () => {
  it('adds only the watch time both the position and the clock vouch for', () => {
    const entry = WatchEntry.start('fan', 'v', at(0));
    entry.report({ positionSeconds: 30, creditsReached: false }, video, at(0));
    entry.report({ positionSeconds: 40, creditsReached: false }, video, at(10)); // played 10 s
    entry.report({ positionSeconds: 400, creditsReached: false }, video, at(15)); // sought ahead: 5 s passed
    entry.report({ positionSeconds: 100, creditsReached: false }, video, at(25)); // went back: nothing
    entry.report({ positionSeconds: 500, creditsReached: false }, video, at(3_600)); // an hour away: capped
    const watched = entry.pullDomainEvents().map((event) => (event as WatchProgressed).watchedSeconds);
    expect(watched).toEqual([10, 5, 60]);
    expect(entry.watchedSeconds).toBe(75);
  });

  it('completes once past 90% or at the credits, and again only after starting over', () => {
    const entry = WatchEntry.start('fan', 'v', at(0));
    entry.report({ positionSeconds: 539, creditsReached: false }, video, at(1));
    expect(entry.completed).toBe(false);
    entry.report({ positionSeconds: 540, creditsReached: false }, video, at(2));
    entry.report({ positionSeconds: 600, creditsReached: false }, video, at(60));
    expect(entry.pullDomainEvents().filter((event) => event instanceof VideoCompleted)).toHaveLength(1);
    entry.report({ positionSeconds: 5, creditsReached: false }, video, at(70));
    expect(entry.completed).toBe(false);
    entry.report({ positionSeconds: 300, creditsReached: true }, video, at(80));
    expect(entry.completed).toBe(true);
  });

  it('refuses a position past the end, tolerating a rounded last second', () => {
    const entry = WatchEntry.start('fan', 'v', at(0));
    expect(() => entry.report({ positionSeconds: 601, creditsReached: false }, video, at(1))).not.toThrow();
    expect(entry.positionSeconds).toBe(600);
    expect(() => entry.report({ positionSeconds: 602, creditsReached: false }, video, at(2))).toThrow(
      expect.objectContaining({ code: 'engagement.progress.beyond-duration' }),
    );
  });
});
