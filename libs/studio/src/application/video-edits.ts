import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { LibraryRepository } from '../domain/library/library.repository.js';
import { EpisodeSlotTakenError } from '../domain/video/video.errors.js';
import { PersistenceScope } from './persistence-scope.js';
import type { VideoInput } from './video-input.js';
import { VideoGate } from './video-gate.js';

/** Checks what an edit points at (series, collections, a free episode slot) before the aggregate applies it. */
@Injectable()
export class VideoEdits {
  constructor(
    private readonly gate: VideoGate,
    private readonly library: LibraryRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly persistence: PersistenceScope,
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

  /** Runs `work` in a transaction, turning a lost race for the input's episode slot into its domain error. */
  async saving<T>(input: VideoInput, work: () => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.transactional(work);
    } catch (error) {
      if (input.episode && this.persistence.isUniqueViolation(error)) {
        const { seriesId, season, episode } = input.episode;
        throw new EpisodeSlotTakenError({ seriesId, season, episode });
      }
      throw error;
    }
  }
}
