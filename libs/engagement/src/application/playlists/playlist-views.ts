import { Injectable } from '@nestjs/common';
import type { Playlist } from '../../domain/playlists/playlist.js';
import { PlaylistNotFoundError } from '../../domain/playlists/playlist.errors.js';
import { PlaylistRepository } from '../../domain/playlists/playlist.repository.js';
import { WatchableVideoRepository } from '../../domain/watchable-video/watchable-video.repository.js';

/** `watch-later` names the caller's built-in list wherever a playlist id is expected. */
export const WATCH_LATER = 'watch-later';

export interface PlaylistView {
  id: string;
  ownerId: string;
  kind: string;
  title: string;
  description: string;
  visibility: string;
  itemCount: number;
  items: Array<{ videoId: string; title: string; position: number; addedAt: string }>;
  createdAt: string;
  updatedAt: string;
}

/** Loads playlists the way every use case needs them, and shows them. */
@Injectable()
export class Playlists {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly videos: WatchableVideoRepository,
  ) {}

  /** The caller's own playlist; anyone else's (public or not) and unknown ids are 404. */
  async owned(userId: string, ref: string): Promise<Playlist> {
    if (ref === WATCH_LATER) return this.playlists.watchLaterOf(userId);
    const playlist = await this.playlists.byId(ref);
    if (!playlist || playlist.ownerId !== userId) throw new PlaylistNotFoundError(ref);
    return playlist;
  }

  /** A playlist the caller may see: their own, or a public one. */
  async visible(userId: string, ref: string): Promise<Playlist> {
    if (ref === WATCH_LATER) return this.playlists.watchLaterOf(userId);
    const playlist = await this.playlists.byId(ref);
    if (!playlist?.visibleTo(userId)) throw new PlaylistNotFoundError(ref);
    return playlist;
  }

  /** Items whose video is no longer published stay stored (it may come back) but are not shown. */
  async view(playlist: Playlist): Promise<PlaylistView> {
    const videos = await this.videos.byIds(playlist.items.map((item) => item.videoId));
    const items = playlist.items
      .filter((item) => videos.get(item.videoId)?.published)
      .map((item, position) => ({
        videoId: item.videoId,
        title: videos.get(item.videoId)!.title,
        position,
        addedAt: item.addedAt,
      }));
    return {
      id: playlist.id,
      ownerId: playlist.ownerId,
      kind: playlist.kind,
      title: playlist.title,
      description: playlist.description,
      visibility: playlist.visibility,
      itemCount: items.length,
      items,
      createdAt: playlist.createdAt.toISOString(),
      updatedAt: playlist.updatedAt.toISOString(),
    };
  }
}
