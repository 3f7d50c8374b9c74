import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { ReorderPlaylistCommand } from './reorder-playlist.command.js';

@CommandHandler(ReorderPlaylistCommand)
export class ReorderPlaylistHandler implements ICommandHandler<ReorderPlaylistCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, playlistRef, change }: ReorderPlaylistCommand) {
    const playlist = await this.unitOfWork.transactional(
      async () => {
        const playlist = await this.views.owned(userId, playlistRef);
        if ('order' in change) playlist.reorder(change.order);
        else playlist.move(change.move.videoId, change.move.position);
        this.playlists.add(playlist);
        return playlist;
      },
      { conflictRetries: 3 },
    );
    return this.views.view(playlist);
  }
}
