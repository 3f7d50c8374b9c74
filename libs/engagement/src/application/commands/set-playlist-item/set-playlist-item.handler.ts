import { Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BillingApi } from '@lib/billing/contracts';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { PlaylistRepository } from '../../../domain/playlists/playlist.repository.js';
import { Playlists, WATCH_LATER } from '../../playlists/playlist-views.js';
import { RecommendationCache, RecommendationSignals } from '../../recommendations/recommendation-ports.js';
import { VideoAccess } from '../../videos/video-access.js';
import { SetPlaylistItemCommand } from './set-playlist-item.command.js';

export const LIBRARY_QUOTA = 'library_items' as const;
/** One count per video per playlist, however often the add is retried. */
export const libraryItemKey = (playlistId: string, videoId: string) => `engagement.library:${playlistId}:${videoId}`;

@CommandHandler(SetPlaylistItemCommand)
export class SetPlaylistItemHandler implements ICommandHandler<SetPlaylistItemCommand> {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly views: Playlists,
    private readonly access: VideoAccess,
    private readonly unitOfWork: UnitOfWork,
    private readonly billing: BillingApi,
    @Optional() private readonly signals?: RecommendationSignals,
    @Optional() private readonly recommendations?: RecommendationCache,
  ) {}

  async execute({ userId, playlistRef, videoId, present }: SetPlaylistItemCommand) {
    // Only what the caller may watch goes in; taking out works whatever became of the video.
    if (present) await this.access.requireWatchable(userId, videoId);
    // A new item counts against the person's library_items before it is stored: billing's counter
    // holds the limit exactly under concurrent adds (402 `billing.quota.exceeded`), ADR 0056.
    const before = await this.playlists.itemState(
      userId,
      playlistRef === WATCH_LATER ? { watchLater: true } : { id: playlistRef },
      videoId,
    );
    const key = before ? libraryItemKey(before.playlistId, videoId) : '';
    const counted = present && before !== null && !before.present;
    if (counted) await this.billing.consume(userId, LIBRARY_QUOTA, 1, { key });
    let removed = false;
    let playlist;
    try {
      playlist = await this.unitOfWork.transactional(
        async () => {
          const playlist = await this.views.owned(userId, playlistRef);
          if (!(present ? playlist.add(videoId) : playlist.remove(videoId))) return playlist;
          removed = !present;
          this.playlists.add(playlist);
          await this.recordSave(userId, videoId, playlist.id, present);
          return playlist;
        },
        { conflictRetries: 3 },
      );
    } catch (error) {
      if (counted) await this.billing.release(userId, LIBRARY_QUOTA, 1, { key });
      throw error;
    }
    if (removed && key) await this.billing.release(userId, LIBRARY_QUOTA, 1, { key });
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
