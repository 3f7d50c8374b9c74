import { Query } from '@nestjs/cqrs';
import type { PlaylistView } from '../../playlists/playlist-views.js';

/** One playlist with its items: the caller's own, or anyone's public one. */
export class GetPlaylistQuery extends Query<PlaylistView> {
  constructor(
    readonly userId: string,
    readonly playlistRef: string,
  ) {
    super();
  }
}
