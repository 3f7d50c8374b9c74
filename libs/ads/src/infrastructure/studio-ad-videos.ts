import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@lib/studio/contracts';
import { AdVideos, type AdVideo } from '../application/ads-ports.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Studio's videos through its contract port, kept a minute per node: the decision path asks for the
 * category of the video an ad runs on, and a category or owner rarely changes.
 */
@Injectable()
export class StudioAdVideos extends AdVideos {
  private readonly cache = new Map<string, { at: number; video: AdVideo | null }>();

  constructor(private readonly studio: ChannelDirectory) {
    super();
  }

  async find(videoId: string, options: { fresh?: boolean } = {}): Promise<AdVideo | null> {
    const hit = this.cache.get(videoId);
    if (hit && !options.fresh && Date.now() - hit.at < TTL_MS) return hit.video;
    const found = (await this.studio.videos([videoId])).get(videoId);
    const video = found
      ? {
          videoId: found.videoId,
          state: found.state ?? null,
          category: found.category ?? null,
          creatorId: found.ownerId,
        }
      : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(videoId, { at: Date.now(), video });
    return video;
  }
}
