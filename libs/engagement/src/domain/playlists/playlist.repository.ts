import type { Playlist } from './playlist.js';

export abstract class PlaylistRepository {
  abstract byId(playlistId: string): Promise<Playlist | null>;
  /** The person's "watch later", created on first use. */
  abstract watchLaterOf(ownerId: string): Promise<Playlist>;
  /**
   * Whether the owner's playlist (an id, or "watch later", created if need be) holds the video, read
   * straight from storage without loading the playlist into the unit of work; null: no such playlist.
   */
  abstract itemState(
    ownerId: string,
    playlist: { watchLater: true } | { id: string },
    videoId: string,
  ): Promise<{ playlistId: string; present: boolean } | null>;
  abstract add(playlist: Playlist): void;
  abstract remove(playlist: Playlist): void;
}
