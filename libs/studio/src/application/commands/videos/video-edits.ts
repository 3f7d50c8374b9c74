import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EpisodeSlotTakenError } from '../../../domain/video/video.errors.js';
import { Video } from '../../../domain/video/video.js';
import { VideoGate } from '../../video-gate.js';
import type { VideoInput } from './video.commands.js';

/** Checks what an edit points at (series, collections, a free episode slot) before the aggregate applies it. */
@Injectable()
export class VideoEdits {
  constructor(
    private readonly gate: VideoGate,
    private readonly em: EntityManager,
  ) {}

  async check(channelId: string, input: VideoInput, videoId: string | null): Promise<void> {
    if (input.episode) {
      await this.gate.series(channelId, input.episode.seriesId);
      const { seriesId, season, episode } = input.episode;
      const taken = await this.em.count(Video, {
        seriesId,
        season,
        episode,
        ...(videoId ? { id: { $ne: videoId } } : {}),
      });
      if (taken) throw new EpisodeSlotTakenError({ seriesId, season, episode });
    }
    if (input.collectionIds) await this.gate.assertCollections(channelId, input.collectionIds);
  }
}
