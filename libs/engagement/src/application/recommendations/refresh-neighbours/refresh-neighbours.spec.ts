import type { CoWatchSignal } from '../recommendation-ports.js';
import { coWatchLists, coWatchMembers } from './refresh-neighbours.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const at = (minute: number) => new Date(NOW.getTime() - (60 - minute) * 60_000);
const signal = (personId: string, videoId: string, kind: CoWatchSignal['kind'], minute: number): CoWatchSignal => ({
  personId,
  videoId,
  kind,
  value: 1,
  at: at(minute),
});

describe('co-watch members from new signals', () => {
  it('takes each person and video once, at their first positive signal, oldest first', () => {
    const members = coWatchMembers(
      [
        signal('p', 'b', 'like', 30),
        signal('p', 'a', 'completion', 20),
        signal('p', 'a', 'like', 10),
        signal('q', 'a', 'view', 40),
      ],
      NOW,
    );
    expect(members).toEqual([
      { personId: 'p', videoId: 'a', at: at(10) },
      { personId: 'p', videoId: 'b', at: at(30) },
      { personId: 'q', videoId: 'a', at: at(40) },
    ]);
  });

  it('leaves out bare watch time and negative signals', () => {
    expect(
      coWatchMembers(
        [signal('p', 'a', 'watch_time', 1), signal('p', 'b', 'dislike', 2), signal('p', 'c', 'skip', 3)],
        NOW,
      ),
    ).toEqual([]);
  });
});

describe('co-watch lists', () => {
  it('lists each touched video’s partners, best first, damped for popular partners', () => {
    const lists = coWatchLists(['a'], {
      pairs: [
        { a: 'a', b: 'niche', people: 3 },
        { a: 'a', b: 'popular', people: 3 },
        { a: 'b', b: 'c', people: 9 },
      ],
      people: new Map([
        ['a', 4],
        ['niche', 3],
        ['popular', 300],
        ['b', 10],
        ['c', 10],
      ]),
    });
    expect([...lists.keys()]).toEqual(['a']);
    expect(lists.get('a')!.map((neighbour) => neighbour.videoId)).toEqual(['niche', 'popular']);
    expect(lists.get('a')![0].similarity).toBeGreaterThan(lists.get('a')![1].similarity);
  });

  it('gives a touched video without pairs an empty list (its old one is replaced)', () => {
    expect(coWatchLists(['lonely'], { pairs: [], people: new Map() }).get('lonely')).toEqual([]);
  });
});
