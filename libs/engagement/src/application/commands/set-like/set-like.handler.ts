import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { LikeRepository } from '../../../domain/likes/like.repository.js';
import { LIKE_RATE } from '../../interaction-limits.js';
import { VideoAccess } from '../../videos/video-access.js';
import { SetVideoLikeCommand, type LikeState } from './set-like.command.js';

@CommandHandler(SetVideoLikeCommand)
export class SetVideoLikeHandler implements ICommandHandler<SetVideoLikeCommand> {
  constructor(
    private readonly likes: LikeRepository,
    private readonly access: VideoAccess,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, videoId, like }: SetVideoLikeCommand): Promise<LikeState> {
    await this.rateLimiter.consume(LIKE_RATE, userId);
    const video = await this.access.requireWatchable(userId, videoId);
    const context = { videoId, channelId: video.channelId, creatorId: video.creatorId };
    return this.unitOfWork.transactional(async () => {
      // The tally's lock comes first: every change of this video's likes waits its turn here.
      const tally = await this.likes.lockTally('video', videoId);
      if (like && (await this.likes.addLike('video', videoId, userId, new Date()))) tally.liked(userId, context);
      if (!like && (await this.likes.removeLike('video', videoId, userId))) tally.unliked(userId, context);
      this.likes.save(tally);
      return { liked: like, likes: tally.likes };
    });
  }
}
