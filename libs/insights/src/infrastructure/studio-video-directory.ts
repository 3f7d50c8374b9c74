import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@lib/studio/contracts';
import { EventStore, type VideoFacts } from '../application/event-store.js';
import { VideoDirectory } from '../application/video-directory.js';

/**
 * The catalogue replicated from `studio.video-published.v1` first (local, and kept after studio
 * deletes a video), then studio's contract port for the videos it has not published.
 */
@Injectable()
export class StudioVideoDirectory extends VideoDirectory {
  constructor(
    private readonly store: EventStore,
    private readonly studio: ChannelDirectory,
  ) {
    super();
  }

  async factsOf(videoIds: string[]): Promise<Map<string, VideoFacts>> {
    const ids = [...new Set(videoIds.map((id) => id.toLowerCase()))];
    if (!ids.length) return new Map();
    const facts = await this.store.videoFacts(ids);
    const missing = ids.filter((id) => !facts.has(id));
    if (missing.length) {
      for (const [videoId, video] of await this.studio.videos(missing)) {
        facts.set(videoId, {
          channelId: video.channelId,
          creatorId: video.ownerId,
          durationSeconds: video.durationSeconds,
        });
      }
    }
    return facts;
  }
}
