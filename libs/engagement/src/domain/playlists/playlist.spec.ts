import { Playlist } from './playlist.js';

describe('a playlist', () => {
  const withItems = (...ids: string[]) => {
    const playlist = Playlist.create('owner', { title: 'Mine' });
    for (const id of ids) playlist.add(id);
    return playlist;
  };
  const order = (playlist: Playlist) => playlist.items.map((item) => item.videoId);

  it('keeps each video once, in the order added', () => {
    const playlist = withItems('a', 'b');
    expect(playlist.add('a')).toBe(false);
    expect(playlist.remove('z')).toBe(false);
    expect(order(playlist)).toEqual(['a', 'b']);
  });

  it('moves one item, clamping the position, or takes a whole new order naming every item once', () => {
    const playlist = withItems('a', 'b', 'c');
    playlist.move('c', 0);
    expect(order(playlist)).toEqual(['c', 'a', 'b']);
    playlist.move('c', 99);
    expect(order(playlist)).toEqual(['a', 'b', 'c']);
    playlist.reorder(['b', 'c', 'a']);
    expect(order(playlist)).toEqual(['b', 'c', 'a']);
    for (const bad of [
      ['b', 'c'],
      ['b', 'c', 'c'],
      ['b', 'c', 'x'],
    ])
      expect(() => playlist.reorder(bad)).toThrow(
        expect.objectContaining({ code: 'engagement.playlist.order-mismatch' }),
      );
    expect(() => playlist.move('x', 0)).toThrow(
      expect.objectContaining({ code: 'engagement.playlist-item.not-found' }),
    );
  });

  it('keeps "watch later" private and undeletable', () => {
    const later = Playlist.watchLater('owner');
    expect(later.visibleTo('someone else')).toBe(false);
    expect(() => later.change({ visibility: 'public' })).toThrow(
      expect.objectContaining({ code: 'engagement.playlist.built-in' }),
    );
    expect(() => later.assertDeletable()).toThrow(expect.objectContaining({ code: 'engagement.playlist.built-in' }));
  });
});
