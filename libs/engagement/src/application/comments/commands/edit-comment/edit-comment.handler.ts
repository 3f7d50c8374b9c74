import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { CommentEdit, validCommentText } from '../../../../domain/comments/comment.js';
import { CommenterMutedError, TooManyMentionsError } from '../../../../domain/comments/comment.errors.js';
import { CommentRepository } from '../../../../domain/comments/comment.repository.js';
import { hashtagsIn } from '../../../../domain/hashtags/hashtags.js';
import { mentionedHandles } from '../../../../domain/mentions/mentions.js';
import { MentionDirectory } from '../../../mentions/mention-directory.js';
import { CommentAnnouncer } from '../../comment-announcer.js';
import type { CommentView } from '../../comment-views.js';
import { CommentableVideos } from '../../commentable-videos.js';
import { CommenterStandings } from '../../commenter-standings.js';
import { VideoComments } from '../../video-comments.js';
import { screeningOutcome } from '../post-comment/post-comment.handler.js';
import { EditCommentCommand } from './edit-comment.command.js';

/**
 * The author changes the text within the edit window; the earlier text goes to the history. The new
 * text is screened like a new comment: an edit can get a comment held or hidden, never released.
 */
@CommandHandler(EditCommentCommand)
export class EditCommentHandler implements ICommandHandler<EditCommentCommand> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly videos: CommentableVideos,
    private readonly videoComments: VideoComments,
    private readonly standings: CommenterStandings,
    private readonly mentions: MentionDirectory,
    private readonly screening: ContentScreening,
    private readonly announcer: CommentAnnouncer,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId, commentId, text }: EditCommentCommand): Promise<CommentView> {
    const checked = validCommentText(text, this.config.comments.maxLength);
    const standing = await this.standings.standingOf(userId);
    if (standing.mutedUntil && standing.mutedUntil.getTime() > Date.now())
      throw new CommenterMutedError(standing.mutedUntil.toISOString());
    const handles = mentionedHandles(checked);
    if (handles.length > standing.maxMentions) throw new TooManyMentionsError(handles.length, standing.maxMentions);

    return this.unitOfWork.transactional(async () => {
      const { comment } = await this.videoComments.commentFor(userId, commentId);
      const wasPublic = comment.counts;
      const now = new Date();
      const previous = comment.edit(
        userId,
        checked,
        {
          mentionedUserIds: (await this.mentions.withHandles(handles)).map((p) => p.userId),
          hashtags: hashtagsIn(checked),
        },
        this.config.comments.editWindowSeconds,
        now,
      );
      const verdict = await this.screening.screen({
        surface: 'comment',
        authorId: userId,
        text: checked,
        content: { type: 'comment', id: comment.id },
      });
      comment.applyScreening(screeningOutcome(verdict.action), false, now);
      await this.comments.addEdit(new CommentEdit(comment.id, previous, now));
      await this.comments.save(comment);
      if (wasPublic && !comment.counts) {
        await this.videos.adjustCommentCount(comment.videoId, -1);
        if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, -1);
      }
      return this.announcer.changed(comment, wasPublic);
    });
  }
}
