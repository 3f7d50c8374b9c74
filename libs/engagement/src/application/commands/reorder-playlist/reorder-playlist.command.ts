import { Command } from '@nestjs/cqrs';
import type { PlaylistView } from '../../playlists/playlist-views.js';

/** Reorders one of the caller's playlists: a whole new `order`, or one `move`. */
export class ReorderPlaylistCommand extends Command<PlaylistView> {
  constructor(
    readonly userId: string,
    readonly playlistRef: string,
    readonly change: { order: string[] } | { move: { videoId: string; position: number } },
  ) {
    super();
  }
}
