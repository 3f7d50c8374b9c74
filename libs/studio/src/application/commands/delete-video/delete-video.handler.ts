import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { BillingApi } from '@lib/billing/contracts';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { PUBLISH_QUOTA, publishQuotaKey } from '../../publishing/publisher.js';
import { VideoGate } from '../../video-gate.js';
import { DeleteVideoCommand } from './delete-video.command.js';

@CommandHandler(DeleteVideoCommand)
export class DeleteVideoHandler implements ICommandHandler<DeleteVideoCommand> {
  private readonly logger = new Logger('studio.videos');

  constructor(
    private readonly gate: VideoGate,
    private readonly videos: VideoRepository,
    private readonly media: MediaLibrary,
    private readonly billing: BillingApi,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, videoId }: DeleteVideoCommand) {
    const { video, channel } = await this.gate.require(userId, videoId, 'owner');
    // Files first: a failure leaves the video in place to delete again (media's remove is idempotent).
    if (video.assetId) await this.media.remove(video.assetId);
    const wasScheduled = video.state === 'scheduled';
    await this.unitOfWork.transactional(async () => {
      video.markDeleted();
      this.videos.remove(video);
    });
    if (wasScheduled) {
      // Never published: the episode it reserved goes back to the owner's quota.
      await this.billing
        .release(channel.ownerId, PUBLISH_QUOTA, 1, { key: publishQuotaKey(video.id) })
        .catch((error: Error) => this.logger.warn(`quota release failed: ${error.message}`));
    }
    return { deleted: true as const };
  }
}
