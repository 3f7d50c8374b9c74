import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { IllegalTransitionError } from '../../../domain/video/video.errors.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { RetryVideoCommand } from './retry-video.command.js';

@CommandHandler(RetryVideoCommand)
export class RetryVideoHandler implements ICommandHandler<RetryVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly media: MediaLibrary,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId }: RetryVideoCommand) {
    const { video } = await this.gate.requireToWork(userId, videoId, 'editor');
    if (!video.can('retry')) throw new IllegalTransitionError(video.state, 'retry');
    const failure = video.failure!;
    const assetId = await this.unitOfWork.transactional(async () => video.retry());
    try {
      await this.media.retry(assetId);
    } catch (error) {
      // The media side refused: the video goes back to the failure it had.
      await this.unitOfWork.transactional(async () => video.retryRefused(failure));
      throw error;
    }
    return this.views.of(video);
  }
}
