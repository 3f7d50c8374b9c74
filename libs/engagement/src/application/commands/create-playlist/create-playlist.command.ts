import { Command } from '@nestjs/cqrs';
import type { PlaylistVisibility } from '../../../domain/playlists/playlist.js';
import type { PlaylistView } from '../../playlists/playlist-views.js';

export class CreatePlaylistCommand extends Command<PlaylistView> {
  constructor(
    readonly ownerId: string,
    readonly title: string,
    readonly description: string | undefined,
    readonly visibility: PlaylistVisibility | undefined,
  ) {
    super();
  }
}
