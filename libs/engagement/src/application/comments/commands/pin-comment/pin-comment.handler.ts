import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { CommentNotFoundError, CommentNotPinnableError } from '../../../../domain/comments/comment.errors.js';
import { CommentRepository } from '../../../../domain/comments/comment.repository.js';
import { CommentSettingsRepository } from '../../../../domain/comments/comment-settings.repository.js';
import { VideoComments } from '../../video-comments.js';
import { PinCommentCommand } from './pin-comment.command.js';

/** One pinned comment per video: a public root comment of that video, chosen by its channel team. */
@CommandHandler(PinCommentCommand)
export class PinCommentHandler implements ICommandHandler<PinCommentCommand> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly settings: CommentSettingsRepository,
    private readonly videoComments: VideoComments,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({
    userId,
    videoId,
    commentId,
  }: PinCommentCommand): Promise<{ videoId: string; pinnedCommentId: string | null }> {
    return this.unitOfWork.transactional(async () => {
      await this.videoComments.managedBy(userId, videoId);
      if (commentId) {
        const comment = await this.comments.find(commentId);
        if (!comment || comment.videoId !== videoId) throw new CommentNotFoundError(commentId);
        if (comment.isReply) throw new CommentNotPinnableError('Only a top-level comment can be pinned');
        if (!comment.counts) throw new CommentNotPinnableError('Only a public, undeleted comment can be pinned');
      }
      const settings = await this.settings.forVideo(videoId);
      settings.pinnedCommentId = commentId;
      await this.settings.saveVideo(settings);
      return { videoId, pinnedCommentId: commentId };
    });
  }
}
