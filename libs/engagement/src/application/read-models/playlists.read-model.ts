import type { PlaylistSummary } from '../queries/list-playlists/list-playlists.query.js';

export abstract class PlaylistsReadModel {
  /** "Watch later" first, then newest first; counts only videos still published. */
  abstract ownedBy(ownerId: string): Promise<PlaylistSummary[]>;
}
