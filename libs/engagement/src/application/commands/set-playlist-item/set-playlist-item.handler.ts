import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { VideoAccess } from '../../videos/video-access.js';
import { SetPlaylistItemCommand } from './set-playlist-item.command.js';

@CommandHandler(SetPlaylistItemCommand)
export class SetPlaylistItemHandler implements ICommandHandler<SetPlaylistItemCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly access: VideoAccess,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, playlistRef, videoId, present }: SetPlaylistItemCommand) {
    // Only what the caller may watch goes in; taking out works whatever became of the video.
    if (present) await this.access.requireWatchable(userId, videoId);
    const playlist = await this.unitOfWork.transactional(
      async () => {
        const playlist = await this.views.owned(userId, playlistRef);
        if (present ? playlist.add(videoId) : playlist.remove(videoId)) this.playlists.add(playlist);
        return playlist;
      },
      { conflictRetries: 3 },
    );
    return this.views.view(playlist);
  }
}
