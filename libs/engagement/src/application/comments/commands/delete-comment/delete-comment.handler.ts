import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { NotChannelTeamError } from '../../../../domain/comments/comment.errors.js';
import { CommentRepository } from '../../../../domain/comments/comment.repository.js';
import { CommentSettingsRepository } from '../../../../domain/comments/comment-settings.repository.js';
import { CommentAnnouncer } from '../../comment-announcer.js';
import type { CommentView } from '../../comment-views.js';
import { CommentableVideos } from '../../commentable-videos.js';
import { VideoComments } from '../../video-comments.js';
import { DeleteCommentCommand } from './delete-comment.command.js';

/** Leaves a tombstone (its replies stay); a pinned comment is unpinned; counts drop once. */
@CommandHandler(DeleteCommentCommand)
export class DeleteCommentHandler implements ICommandHandler<DeleteCommentCommand> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly settings: CommentSettingsRepository,
    private readonly videos: CommentableVideos,
    private readonly videoComments: VideoComments,
    private readonly announcer: CommentAnnouncer,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ userId, commentId }: DeleteCommentCommand): Promise<CommentView> {
    return this.unitOfWork.transactional(async () => {
      const { comment, isTeam } = await this.videoComments.commentFor(userId, commentId);
      const byAuthor = comment.authorId === userId;
      if (!byAuthor && !isTeam) throw new NotChannelTeamError();
      const wasPublic = comment.counts;
      comment.delete(byAuthor ? 'author' : 'team');
      await this.comments.save(comment);
      if (wasPublic) {
        await this.videos.adjustCommentCount(comment.videoId, -1);
        if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, -1);
      }
      const settings = await this.settings.forVideo(comment.videoId);
      if (settings.pinnedCommentId === comment.id) {
        settings.pinnedCommentId = null;
        await this.settings.saveVideo(settings);
      }
      return this.announcer.changed(comment, wasPublic);
    });
  }
}
