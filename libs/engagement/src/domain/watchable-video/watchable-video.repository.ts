import type { WatchableVideo } from './watchable-video.js';

export abstract class WatchableVideoRepository {
  abstract byId(videoId: string): Promise<WatchableVideo | null>;
  abstract byIds(videoIds: string[]): Promise<Map<string, WatchableVideo>>;
  /** Saved with the current unit of work (or the consumer's inbox transaction). */
  abstract save(video: WatchableVideo): Promise<void>;
}
