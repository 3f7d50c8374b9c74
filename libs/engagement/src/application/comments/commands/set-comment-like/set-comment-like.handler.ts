import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { CommentNotFoundError } from '../../../../domain/comments/comment.errors.js';
import { LikeRepository } from '../../../../domain/likes/like.repository.js';
import { BlockedError } from '../../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../../domain/restriction/restriction.repository.js';
import type { LikeState } from '../../../commands/set-like/set-like.command.js';
import { LIKE_RATE } from '../../../interaction-limits.js';
import { CommentLikeCounts } from '../../comment-likes.js';
import { VideoComments } from '../../video-comments.js';
import { SetCommentLikeCommand } from './set-comment-like.command.js';

/**
 * A comment's likes work as a video's (ADR 0028): the like row and the tally change under the
 * tally's lock, so repeats count once and concurrent likes are exact. The comment's own lock comes
 * first, so a like and the comment's deletion cannot interleave.
 */
@CommandHandler(SetCommentLikeCommand)
export class SetCommentLikeHandler implements ICommandHandler<SetCommentLikeCommand> {
  constructor(
    private readonly likes: LikeRepository,
    private readonly counts: CommentLikeCounts,
    private readonly videoComments: VideoComments,
    private readonly restrictions: RestrictionRepository,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, commentId, like }: SetCommentLikeCommand): Promise<LikeState> {
    await this.rateLimiter.consume(LIKE_RATE, userId);
    return this.unitOfWork.transactional(async () => {
      const { comment, video } = await this.videoComments.commentFor(userId, commentId);
      // Only public comments of published videos are liked; tombstones and held ones are not there.
      if (!comment.counts || !video.published) throw new CommentNotFoundError(commentId);
      if (comment.authorId !== userId && (await this.restrictions.eitherBlocks(userId, comment.authorId)))
        throw new BlockedError();
      const tally = await this.likes.lockTally('comment', commentId);
      const context = {
        videoId: video.videoId,
        channelId: video.channelId,
        creatorId: video.creatorId ?? video.channelId,
      };
      if (like && (await this.likes.addLike('comment', commentId, userId, new Date()))) tally.liked(userId, context);
      if (!like && (await this.likes.removeLike('comment', commentId, userId))) tally.unliked(userId, context);
      this.likes.save(tally);
      await this.counts.set(commentId, tally.likes);
      return { liked: like, likes: tally.likes };
    });
  }
}
