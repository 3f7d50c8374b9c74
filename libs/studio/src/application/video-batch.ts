import { Injectable } from '@nestjs/common';
import { DomainError, UnitOfWork } from '@lib/platform';
import { BatchRejectedError, type BatchItemReport } from '../domain/library/library.js';
import type { Video } from '../domain/video/video.js';
import { PersistenceScope } from './persistence-scope.js';
import { ScreenedTexts } from './screened-texts.js';
import { VideoEdits } from './video-edits.js';
import type { VideoInput } from './video-input.js';
import { VideoGate } from './video-gate.js';

/** Edits several videos in one transaction: one refusal rolls back all and reports each item. */
@Injectable()
export class VideoBatch {
  constructor(
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly unitOfWork: UnitOfWork,
    private readonly persistence: PersistenceScope,
    private readonly texts: ScreenedTexts,
  ) {}

  async edit(
    userId: string,
    videoIds: string[],
    changesFor: (video: Video) => VideoInput,
  ): Promise<{ applied: true; items: BatchItemReport[] }> {
    try {
      return await this.unitOfWork.transactional(async () => {
        const items: BatchItemReport[] = [];
        for (const id of videoIds) {
          try {
            const { video } = await this.gate.requireToWork(userId, id, 'editor');
            const changes = changesFor(video);
            await this.edits.check(video.channelId, changes, video.id);
            await this.texts.video(userId, video.id, changes);
            items.push({ id, ok: true, changedFields: video.edit(changes) });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            items.push({ id, ok: false, code: error.code, message: error.message });
          }
        }
        if (items.some((item) => !item.ok)) throw new BatchRejectedError(items);
        return { applied: true as const, items };
      });
    } catch (error) {
      // Nothing was saved; the loaded videos must not be flushed by a later call in this request.
      this.persistence.forgetLoaded();
      throw error;
    }
  }
}
