import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { DeletePlaylistCommand } from './delete-playlist.command.js';

@CommandHandler(DeletePlaylistCommand)
export class DeletePlaylistHandler implements ICommandHandler<DeletePlaylistCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, playlistRef }: DeletePlaylistCommand): Promise<void> {
    await this.unitOfWork.transactional(async () => {
      const playlist = await this.views.owned(userId, playlistRef);
      playlist.assertDeletable();
      this.playlists.remove(playlist);
    });
  }
}
