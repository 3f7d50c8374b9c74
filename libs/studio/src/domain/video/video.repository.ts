import type { Video } from './video.js';

export abstract class VideoRepository {
  abstract byId(id: string): Promise<Video | null>;
  abstract byIds(ids: string[]): Promise<Video[]>;
  /** The channel's videos filed in the collection. */
  abstract inCollection(channelId: string, collectionId: string): Promise<Video[]>;
  abstract add(video: Video): void;
  abstract remove(video: Video): void;
  /**
   * Applies `change` to the video in a transaction of its own, retrying when a concurrent change
   * (the media worker's reports) got there first. `change` returns false when nothing applied.
   * Resolves to the saved video, or null (no such video, or nothing changed).
   */
  abstract changeAlone(videoId: string, change: (video: Video) => boolean): Promise<Video | null>;
}
