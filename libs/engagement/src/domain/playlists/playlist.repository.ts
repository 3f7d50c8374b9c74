import type { Playlist } from './playlist.js';

export abstract class PlaylistRepository {
  abstract byId(playlistId: string): Promise<Playlist | null>;
  /** The person's "watch later", created on first use. */
  abstract watchLaterOf(ownerId: string): Promise<Playlist>;
  abstract add(playlist: Playlist): void;
  abstract remove(playlist: Playlist): void;
}
