import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommentNotFoundError } from '../../../../domain/comments/comment.errors.js';
import { CommentsReadModel } from '../../comments.read-model.js';
import { VideoComments } from '../../video-comments.js';
import { ListCommentEditsQuery } from './list-comment-edits.query.js';

export interface CommentHistoryView {
  commentId: string;
  /** The current text (null once deleted: a deleted comment's history is not shown either). */
  text: string | null;
  edits: Array<{ previousText: string; editedAt: string }>;
}

/** Earlier texts of a comment, newest first, for whoever may see the comment. */
@QueryHandler(ListCommentEditsQuery)
export class ListCommentEditsHandler implements IQueryHandler<ListCommentEditsQuery> {
  constructor(
    private readonly videoComments: VideoComments,
    private readonly comments: CommentsReadModel,
  ) {}

  async execute({ viewerId, commentId }: ListCommentEditsQuery): Promise<CommentHistoryView> {
    const probe = await this.comments.one(commentId, { userId: viewerId, isTeam: false });
    if (!probe) throw new CommentNotFoundError(commentId);
    const video = await this.videoComments.published(probe.videoId).catch(() => {
      throw new CommentNotFoundError(commentId);
    });
    const isTeam = await this.videoComments.isTeam(viewerId, video.channelId);
    const comment = isTeam ? await this.comments.one(commentId, { userId: viewerId, isTeam }) : probe;
    if (!comment) throw new CommentNotFoundError(commentId);
    return {
      commentId,
      text: comment.text,
      edits: comment.deletedAt ? [] : await this.comments.edits(commentId),
    };
  }
}
