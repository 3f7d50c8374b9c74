import { Injectable, Logger } from '@nestjs/common';
import { RealtimeEmitter } from '@lib/platform';
import type { Video } from '../../domain/video/video.js';
import { VideoRepository } from '../../domain/video/video.repository.js';
import { PersistenceScope } from '../persistence-scope.js';
import { ChannelAccess, MediaProcessingListener, type MediaAssetView, type MediaStep } from '../media/media-ports.js';
import { VIDEO_PROCESSING } from '../realtime-events.js';

/**
 * Moves a video along as the media side reports (worker), and pushes `studio:video-processing` to
 * every team member. Calls may repeat or arrive late; the aggregate ignores what no longer applies.
 */
@Injectable()
export class VideoProcessingListener extends MediaProcessingListener {
  private readonly logger = new Logger('studio.processing');

  constructor(
    private readonly scope: PersistenceScope,
    private readonly videos: VideoRepository,
    private readonly access: ChannelAccess,
    private readonly realtime: RealtimeEmitter,
  ) {
    super();
  }

  async onProgress(event: {
    assetId: string;
    videoId: string;
    channelId: string;
    step: MediaStep;
    percent: number;
  }): Promise<void> {
    const video = await this.change(event.videoId, (found) => found.progress(event.assetId, event.step, event.percent));
    if (video) await this.push(video);
  }

  async onReady(event: { assetId: string; videoId: string; channelId: string; asset: MediaAssetView }): Promise<void> {
    const video = await this.change(event.videoId, (found) =>
      found.finishProcessing(event.assetId, event.asset.durationSeconds),
    );
    if (video) await this.push(video);
  }

  async onFailed(event: {
    assetId: string;
    videoId: string;
    channelId: string;
    step: MediaStep;
    code: string;
    message: string;
  }): Promise<void> {
    const failure = { code: event.code, message: event.message, step: event.step };
    const video = await this.change(event.videoId, (found) => found.fail(event.assetId, failure));
    if (video) await this.push(video);
  }

  /** Applies one change in its own transaction (the worker runs outside any request). */
  private async change(videoId: string, apply: (video: Video) => boolean): Promise<Video | null> {
    return this.videos.changeAlone(videoId, apply);
  }

  private async push(video: Video): Promise<void> {
    const members = await this.scope.alone(() => this.access.memberIds(video.channelId));
    const payload = {
      videoId: video.id,
      channelId: video.channelId,
      state: video.state,
      step: video.processingStep,
      percent: video.processingPercent,
      error: video.failure,
    };
    for (const userId of members) this.realtime.toUser(userId, VIDEO_PROCESSING, payload);
  }
}
