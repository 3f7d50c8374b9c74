import { Command } from '@nestjs/cqrs';
import type { PlaylistView } from '../../playlists/playlist-views.js';

/** Puts a video in one of the caller's playlists (`present: true`, appended) or takes it out; repeating changes nothing. */
export class SetPlaylistItemCommand extends Command<PlaylistView> {
  constructor(
    readonly userId: string,
    readonly playlistRef: string,
    readonly videoId: string,
    readonly present: boolean,
  ) {
    super();
  }
}
