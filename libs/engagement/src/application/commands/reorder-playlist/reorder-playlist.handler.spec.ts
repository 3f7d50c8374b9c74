import type { BillingApi } from '@lib/billing/contracts';
import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import { Playlist } from '../../../domain/playlists/playlist.js';
import { InMemoryPlaylistRepository, InMemoryWatchableVideoRepository } from '../../../testing/index.js';
import { ChangePlaylistCommand } from '../change-playlist/change-playlist.command.js';
import { ChangePlaylistHandler } from '../change-playlist/change-playlist.handler.js';
import { DeletePlaylistCommand } from '../delete-playlist/delete-playlist.command.js';
import { DeletePlaylistHandler } from '../delete-playlist/delete-playlist.handler.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { ReorderPlaylistCommand } from './reorder-playlist.command.js';
import { ReorderPlaylistHandler } from './reorder-playlist.handler.js';

// Both deletes here are refused before any library count is given back.
const UNREACHED_BILLING = {} as BillingApi;

describe('changing a playlist', () => {
  let repository: InMemoryPlaylistRepository;
  let videos: InMemoryWatchableVideoRepository;
  let unitOfWork: InMemoryUnitOfWork;
  let playlists: Playlists;
  let playlist: Playlist;

  beforeEach(async () => {
    repository = new InMemoryPlaylistRepository();
    videos = new InMemoryWatchableVideoRepository();
    unitOfWork = new InMemoryUnitOfWork([repository.playlists]);
    playlists = new Playlists(repository, videos);
    playlist = Playlist.create('ann', { title: 'Mine' });
    for (const id of ['a', 'b', 'c']) {
      videos.published(id);
      playlist.add(id);
    }
    await unitOfWork.transactional(async () => repository.add(playlist));
  });

  const reorder = (userId: string, change: ConstructorParameters<typeof ReorderPlaylistCommand>[2]) =>
    new ReorderPlaylistHandler(repository, playlists, unitOfWork).execute(
      new ReorderPlaylistCommand(userId, playlist.id, change),
    );

  it('moves an item and shows only published videos, renumbered', async () => {
    videos.published('b', { status: 'unpublished' });
    const view = await reorder('ann', { move: { videoId: 'c', position: 0 } });
    expect(view.items.map((item) => [item.videoId, item.position])).toEqual([
      ['c', 0],
      ['a', 1],
    ]);
    expect((await repository.byId(playlist.id))!.items.map((item) => item.videoId)).toEqual(['c', 'a', 'b']);
  });

  it('keeps the stored order when a new order leaves an item out', async () => {
    await expect(reorder('ann', { order: ['c', 'a'] })).rejects.toMatchObject({
      code: 'engagement.playlist.order-mismatch',
    });
    await expect(reorder('ann', { order: ['c', 'b', 'a'] })).resolves.toBeDefined();
  });

  it('answers 404 to anyone but the owner, even for a public playlist', async () => {
    await new ChangePlaylistHandler(repository, playlists, unitOfWork).execute(
      new ChangePlaylistCommand('ann', playlist.id, { visibility: 'public' }),
    );
    await expect(reorder('bob', { order: ['c', 'b', 'a'] })).rejects.toMatchObject({
      code: 'engagement.playlist.not-found',
    });
    await expect(
      new DeletePlaylistHandler(repository, playlists, unitOfWork, UNREACHED_BILLING).execute(
        new DeletePlaylistCommand('bob', playlist.id),
      ),
    ).rejects.toMatchObject({ code: 'engagement.playlist.not-found' });
    expect(await repository.byId(playlist.id)).not.toBeNull();
  });

  it('never deletes "watch later"', async () => {
    await expect(
      new DeletePlaylistHandler(repository, playlists, unitOfWork, UNREACHED_BILLING).execute(
        new DeletePlaylistCommand('ann', 'watch-later'),
      ),
    ).rejects.toMatchObject({ code: 'engagement.playlist.built-in' });
    expect(await repository.watchLaterOf('ann')).toBeDefined();
  });
});
