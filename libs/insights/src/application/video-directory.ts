import type { VideoFacts } from './event-store.js';

/**
 * Whose each video is: studio's facts only (its publish events, or its contract port for videos not
 * published yet). Never a client event's claim, so nobody can attribute views to another channel
 * or make a video theirs.
 */
export abstract class VideoDirectory {
  /** Facts of each video studio knows; unknown ids are absent. */
  abstract factsOf(videoIds: string[]): Promise<Map<string, VideoFacts>>;

  async channelOf(videoId: string): Promise<string | null> {
    return (await this.factsOf([videoId])).get(videoId)?.channelId ?? null;
  }
}
