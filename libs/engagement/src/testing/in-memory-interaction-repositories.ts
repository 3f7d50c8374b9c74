import { InMemoryTable } from '@lib/platform/testing/in-memory';
import { Playlist } from '../domain/playlists/playlist.js';
import { PlaylistRepository } from '../domain/playlists/playlist.repository.js';
import { WatchableVideo } from '../domain/watchable-video/watchable-video.js';
import { WatchableVideoRepository } from '../domain/watchable-video/watchable-video.repository.js';

// Same contracts as the adapters in infrastructure/persistence; rows persist when the unit of work commits.

export class InMemoryPlaylistRepository extends PlaylistRepository {
  readonly playlists = new InMemoryTable<Playlist>('engagement.playlists', {
    id: (playlist) => playlist.id,
    watchLater: (playlist) => (playlist.kind === 'watch-later' ? playlist.ownerId : undefined),
  });

  async byId(playlistId: string) {
    return this.playlists.find((playlist) => playlist.id === playlistId);
  }
  async watchLaterOf(ownerId: string) {
    const existing = this.playlists.find((playlist) => playlist.ownerId === ownerId && playlist.kind === 'watch-later');
    if (existing) return existing;
    // The adapter inserts it at once (outside the caller's transaction), so it survives a rollback.
    const created = Playlist.watchLater(ownerId);
    this.playlists.insert(created);
    this.playlists.commit();
    return created;
  }
  async itemState(ownerId: string, ref: { watchLater: true } | { id: string }, videoId: string) {
    const playlist = 'id' in ref ? await this.byId(ref.id) : await this.watchLaterOf(ownerId);
    if (!playlist || playlist.ownerId !== ownerId) return null;
    return { playlistId: playlist.id, present: playlist.has(videoId) };
  }
  add(playlist: Playlist) {
    this.playlists.insert(playlist);
  }
  remove(playlist: Playlist) {
    this.playlists.delete(playlist);
  }
}

/** Studio's published videos as engagement's consumer would have stored them. */
export class InMemoryWatchableVideoRepository extends WatchableVideoRepository {
  private readonly videos = new Map<string, WatchableVideo>();

  /** A video studio published (free, ten minutes) unless told otherwise. */
  published(videoId: string, overrides: Partial<WatchableVideo> = {}): WatchableVideo {
    const video = new WatchableVideo(
      videoId,
      'channel',
      'creator',
      `Video ${videoId}`,
      'free',
      null,
      new Date(),
      600,
      'published',
      1,
    );
    Object.assign(video, overrides);
    this.videos.set(videoId, video);
    return video;
  }

  async byId(videoId: string) {
    return this.videos.get(videoId) ?? null;
  }
  async byIds(videoIds: string[]) {
    return new Map(videoIds.flatMap((id) => (this.videos.has(id) ? [[id, this.videos.get(id)!] as const] : [])));
  }
  async save(video: WatchableVideo) {
    this.videos.set(video.videoId, video);
  }
}
