import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, OptimisticLockError, RequestContext } from '@mikro-orm/postgresql';
import { RealtimeEmitter } from '@lib/platform';
import { Video } from '../../domain/video/video.js';
import { ChannelAccess, MediaProcessingListener, type MediaAssetView, type MediaStep } from '../media/media-ports.js';

const ATTEMPTS = 3;

/**
 * Moves a video along as the media side reports (worker), and pushes `studio:video-processing` to
 * every team member. Calls may repeat or arrive late; the aggregate ignores what no longer applies.
 */
@Injectable()
export class VideoProcessingListener extends MediaProcessingListener {
  private readonly logger = new Logger('studio.processing');

  constructor(
    private readonly orm: MikroORM,
    private readonly access: ChannelAccess,
    private readonly realtime: RealtimeEmitter,
  ) {
    super();
  }

  async onProgress(event: { assetId: string; videoId: string; channelId: string; step: MediaStep; percent: number }): Promise<void> {
    const video = await this.change(event.videoId, (found) => found.progress(event.assetId, event.step, event.percent));
    if (video) await this.push(video);
  }

  async onReady(event: { assetId: string; videoId: string; channelId: string; asset: MediaAssetView }): Promise<void> {
    const video = await this.change(event.videoId, (found) => found.finishProcessing(event.assetId, event.asset.durationSeconds));
    if (video) await this.push(video);
  }

  async onFailed(event: { assetId: string; videoId: string; channelId: string; step: MediaStep; code: string; message: string }): Promise<void> {
    const failure = { code: event.code, message: event.message, step: event.step };
    const video = await this.change(event.videoId, (found) => found.fail(event.assetId, failure));
    if (video) await this.push(video);
  }

  /** Applies one change in its own transaction; a concurrent edit (optimistic lock) is retried. */
  private async change(videoId: string, apply: (video: Video) => boolean): Promise<Video | null> {
    for (let attempt = 1; ; attempt += 1) {
      const em = this.orm.em.fork();
      try {
        return await em.transactional(async (tx) => {
          const video = await tx.findOne(Video, { id: videoId });
          if (!video) {
            // Deleted meanwhile (or never committed): nothing to move.
            this.logger.debug(`processing report for unknown video ${videoId}`);
            return null;
          }
          return apply(video) ? video : null;
        });
      } catch (error) {
        if (error instanceof OptimisticLockError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private async push(video: Video): Promise<void> {
    const members = await RequestContext.create(this.orm.em, () => this.access.memberIds(video.channelId));
    const payload = {
      videoId: video.id,
      channelId: video.channelId,
      state: video.state,
      step: video.processingStep,
      percent: video.processingPercent,
      error: video.failure,
    };
    for (const userId of members) this.realtime.toUser(userId, 'studio:video-processing', payload);
  }
}
