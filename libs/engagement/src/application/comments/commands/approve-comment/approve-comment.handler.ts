import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { NotChannelTeamError } from '../../../../domain/comments/comment.errors.js';
import { CommentRepository } from '../../../../domain/comments/comment.repository.js';
import { CommentAnnouncer } from '../../comment-announcer.js';
import type { CommentView } from '../../comment-views.js';
import { CommentableVideos } from '../../commentable-videos.js';
import { VideoComments } from '../../video-comments.js';
import { ApproveCommentCommand } from './approve-comment.command.js';

/** Held for approval → public: counted, pushed and notified as if just posted. */
@CommandHandler(ApproveCommentCommand)
export class ApproveCommentHandler implements ICommandHandler<ApproveCommentCommand> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly videos: CommentableVideos,
    private readonly videoComments: VideoComments,
    private readonly announcer: CommentAnnouncer,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ userId, commentId }: ApproveCommentCommand): Promise<CommentView> {
    return this.unitOfWork.transactional(async () => {
      const { comment, video, isTeam } = await this.videoComments.commentFor(userId, commentId);
      if (!isTeam) throw new NotChannelTeamError();
      comment.approveByTeam();
      await this.comments.save(comment);
      await this.videos.adjustCommentCount(comment.videoId, 1);
      if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, 1);
      return this.announcer.posted(comment, true, video.creatorId);
    });
  }
}
