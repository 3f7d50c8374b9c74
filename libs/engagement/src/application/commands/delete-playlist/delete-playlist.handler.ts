import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BillingApi } from '@lib/billing/contracts';
import { UnitOfWork } from '@lib/platform';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { LIBRARY_QUOTA, libraryItemKey } from '../set-playlist-item/set-playlist-item.handler.js';
import { DeletePlaylistCommand } from './delete-playlist.command.js';

@CommandHandler(DeletePlaylistCommand)
export class DeletePlaylistHandler implements ICommandHandler<DeletePlaylistCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly unitOfWork: UnitOfWork,
    private readonly billing: BillingApi,
  ) {}

  async execute({ userId, playlistRef }: DeletePlaylistCommand): Promise<void> {
    const playlist = await this.unitOfWork.transactional(async () => {
      const playlist = await this.views.owned(userId, playlistRef);
      playlist.assertDeletable();
      this.playlists.remove(playlist);
      return playlist;
    });
    // Its items leave the person's library_items count (keyed, so a retried delete gives back once).
    for (const { videoId } of playlist.items)
      await this.billing.release(userId, LIBRARY_QUOTA, 1, { key: libraryItemKey(playlist.id, videoId) });
  }
}
