import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { ChangePlaylistCommand } from './change-playlist.command.js';

@CommandHandler(ChangePlaylistCommand)
export class ChangePlaylistHandler implements ICommandHandler<ChangePlaylistCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, playlistRef, changes }: ChangePlaylistCommand) {
    const playlist = await this.unitOfWork.transactional(
      async () => {
        const playlist = await this.views.owned(userId, playlistRef);
        playlist.change(changes);
        this.playlists.add(playlist);
        return playlist;
      },
      { conflictRetries: 3 },
    );
    return this.views.view(playlist);
  }
}
