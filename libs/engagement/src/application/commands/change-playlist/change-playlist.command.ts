import { Command } from '@nestjs/cqrs';
import type { PlaylistVisibility } from '../../../domain/playlists/playlist.js';
import type { PlaylistView } from '../../playlists/playlist-views.js';

/** Renames, redescribes or shares/unshares one of the caller's playlists. */
export class ChangePlaylistCommand extends Command<PlaylistView> {
  constructor(
    readonly userId: string,
    readonly playlistRef: string,
    readonly changes: { title?: string; description?: string; visibility?: PlaylistVisibility },
  ) {
    super();
  }
}
