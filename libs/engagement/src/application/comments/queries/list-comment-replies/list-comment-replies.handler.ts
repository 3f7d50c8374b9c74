import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import { CommentNotFoundError } from '../../../../domain/comments/comment.errors.js';
import { decodeCommentCursor, commentPage } from '../../comment-pages.js';
import type { CommentView } from '../../comment-views.js';
import { CommentsReadModel } from '../../comments.read-model.js';
import { VideoComments } from '../../video-comments.js';
import { ListCommentRepliesQuery } from './list-comment-replies.query.js';

/**
 * The replies of a thread, oldest first and flat (ADR 0030). Asked of a reply, it answers the replies
 * of that reply's thread, so a client always lands on the whole conversation.
 */
@QueryHandler(ListCommentRepliesQuery)
export class ListCommentRepliesHandler implements IQueryHandler<ListCommentRepliesQuery> {
  constructor(
    private readonly videoComments: VideoComments,
    private readonly comments: CommentsReadModel,
  ) {}

  async execute({ viewerId, commentId, limit, cursor }: ListCommentRepliesQuery): Promise<Page<CommentView>> {
    const after = decodeCommentCursor(cursor, 'oldest');
    const probe = await this.comments.one(commentId, { userId: viewerId, isTeam: false });
    if (!probe) throw new CommentNotFoundError(commentId);
    const video = await this.videoComments.published(probe.videoId).catch(() => {
      throw new CommentNotFoundError(commentId);
    });
    const viewer = { userId: viewerId, isTeam: await this.videoComments.isTeam(viewerId, video.channelId) };
    const threadId = probe.threadId ?? probe.id;
    return commentPage(await this.comments.replies(threadId, viewer, limit + 1, after), limit, 'oldest');
  }
}
