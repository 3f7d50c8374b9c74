import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import { CommentSettingsRepository } from '../../../../domain/comments/comment-settings.repository.js';
import { decodeCommentCursor, commentPage } from '../../comment-pages.js';
import type { CommentView } from '../../comment-views.js';
import { CommentsReadModel } from '../../comments.read-model.js';
import { VideoComments } from '../../video-comments.js';
import { ListVideoCommentsQuery } from './list-video-comments.query.js';

export interface VideoCommentsPage extends Page<CommentView> {
  /** Public, undeleted comments and replies on the video. */
  total: number;
  commentsEnabled: boolean;
  /** On the first page only (it also keeps its place in the order). */
  pinned?: CommentView | null;
}

/** A video's threads (root comments), newest, oldest or top (most replies) first. */
@QueryHandler(ListVideoCommentsQuery)
export class ListVideoCommentsHandler implements IQueryHandler<ListVideoCommentsQuery> {
  constructor(
    private readonly videoComments: VideoComments,
    private readonly settings: CommentSettingsRepository,
    private readonly comments: CommentsReadModel,
  ) {}

  async execute({ viewerId, videoId, order, limit, cursor }: ListVideoCommentsQuery): Promise<VideoCommentsPage> {
    const after = decodeCommentCursor(cursor, order);
    const video = await this.videoComments.published(videoId);
    const viewer = { userId: viewerId, isTeam: await this.videoComments.isTeam(viewerId, video.channelId) };
    const settings = await this.settings.forVideo(videoId);
    const page = commentPage(await this.comments.roots(videoId, viewer, order, limit + 1, after), limit, order);
    const pinned =
      !after && settings.pinnedCommentId ? await this.comments.one(settings.pinnedCommentId, viewer) : undefined;
    return {
      ...page,
      total: Number(video.commentCount),
      commentsEnabled: settings.commentsEnabled,
      ...(pinned !== undefined ? { pinned } : {}),
    };
  }
}
