import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Playlist } from '../../../domain/playlists/playlist.js';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { CreatePlaylistCommand } from './create-playlist.command.js';

@CommandHandler(CreatePlaylistCommand)
export class CreatePlaylistHandler implements ICommandHandler<CreatePlaylistCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ ownerId, title, description, visibility }: CreatePlaylistCommand) {
    const playlist = Playlist.create(ownerId, { title, description, visibility });
    await this.unitOfWork.transactional(async () => this.playlists.add(playlist));
    return this.views.view(playlist);
  }
}
