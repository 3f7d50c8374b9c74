import { Injectable } from '@nestjs/common';
import { EpisodeSlotTakenError } from '../../../domain/video/video.errors.js';
import { LibraryRepository } from '../../../domain/library/library.repository.js';
import { VideoGate } from '../../video-gate.js';
import type { VideoInput } from './video.commands.js';

/** Checks what an edit points at (series, collections, a free episode slot) before the aggregate applies it. */
@Injectable()
export class VideoEdits {
  constructor(
    private readonly gate: VideoGate,
    private readonly library: LibraryRepository,
  ) {}

  async check(channelId: string, input: VideoInput, videoId: string | null): Promise<void> {
    if (input.episode) {
      await this.gate.series(channelId, input.episode.seriesId);
      const { seriesId, season, episode } = input.episode;
      const taken = await this.library.episodeSlotTaken({ seriesId, season, episode }, videoId);
      if (taken) throw new EpisodeSlotTakenError({ seriesId, season, episode });
    }
    if (input.collectionIds) await this.gate.assertCollections(channelId, input.collectionIds);
  }
}
