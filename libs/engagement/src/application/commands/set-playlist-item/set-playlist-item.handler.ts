import { Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists } from '../../playlists/playlist-views.js';
import { RecommendationCache, RecommendationSignals } from '../../recommendations/recommendation-ports.js';
import { VideoAccess } from '../../videos/video-access.js';
import { SetPlaylistItemCommand } from './set-playlist-item.command.js';

@CommandHandler(SetPlaylistItemCommand)
export class SetPlaylistItemHandler implements ICommandHandler<SetPlaylistItemCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly access: VideoAccess,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly signals?: RecommendationSignals,
    @Optional() private readonly recommendations?: RecommendationCache,
  ) {}

  async execute({ userId, playlistRef, videoId, present }: SetPlaylistItemCommand) {
    // Only what the caller may watch goes in; taking out works whatever became of the video.
    if (present) await this.access.requireWatchable(userId, videoId);
    const playlist = await this.unitOfWork.transactional(
      async () => {
        const playlist = await this.views.owned(userId, playlistRef);
        if (!(present ? playlist.add(videoId) : playlist.remove(videoId))) return playlist;
        this.playlists.add(playlist);
        await this.recordSave(userId, videoId, playlist.id, present);
        return playlist;
      },
      { conflictRetries: 3 },
    );
    return this.views.view(playlist);
  }

  /** A save is a taste signal in the same transaction (no event leaves for it), one per playlist. */
  private async recordSave(personId: string, videoId: string, playlistId: string, saved: boolean) {
    if (!this.signals) return;
    await this.signals.apply(
      saved
        ? {
            op: 'set',
            signal: { personId, videoId, kind: 'save', value: 1, at: new Date() },
            eventId: newId(),
            sourceKey: playlistId,
          }
        : { op: 'withdraw', personId, videoId, kind: 'save', sourceKey: playlistId },
    );
    this.unitOfWork.afterCommit(() => this.recommendations?.forget(personId));
  }
}
