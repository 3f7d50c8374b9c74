import { Injectable } from '@nestjs/common';
import {
  CommentNotFoundError,
  NotChannelTeamError,
  VideoNotCommentableError,
} from '../../domain/comments/comment.errors.js';
import type { Comment } from '../../domain/comments/comment.js';
import { CommentRepository } from '../../domain/comments/comment.repository.js';
import { ChannelTeam } from './channel-team.js';
import { CommentableVideos, type CommentableVideo } from './commentable-videos.js';

/** The checks every comment use case starts with: which video, is it public, is the user on its team. */
@Injectable()
export class VideoComments {
  constructor(
    private readonly videos: CommentableVideos,
    private readonly comments: CommentRepository,
    private readonly team: ChannelTeam,
  ) {}

  /** A published, undeleted video; anything else is the same 404. */
  async published(videoId: string): Promise<CommentableVideo> {
    const video = await this.videos.find(videoId);
    if (!video || !video.published || video.deleted) throw new VideoNotCommentableError(videoId);
    return video;
  }

  /**
   * A video the user moderates. Its team may configure it while unpublished too; everyone else gets the
   * 404 of an unknown video when it is not public, and 403 when it is.
   */
  async managedBy(userId: string, videoId: string): Promise<CommentableVideo> {
    const video = await this.videos.find(videoId);
    if (!video || video.deleted) throw new VideoNotCommentableError(videoId);
    if (await this.team.includes(userId, video.channelId)) return video;
    if (!video.published) throw new VideoNotCommentableError(videoId);
    throw new NotChannelTeamError();
  }

  /** The comment, locked, if the user may see it (unknown and invisible ones are the same 404). */
  async commentFor(
    userId: string,
    commentId: string,
  ): Promise<{ comment: Comment; video: CommentableVideo; isTeam: boolean }> {
    const comment = await this.comments.findForUpdate(commentId);
    if (!comment) throw new CommentNotFoundError(commentId);
    const video = await this.videos.find(comment.videoId);
    const isTeam = await this.team.includes(userId, comment.channelId);
    if (!video || video.deleted || !comment.visibleTo(userId, isTeam) || (!video.published && !isTeam))
      throw new CommentNotFoundError(commentId);
    return { comment, video, isTeam };
  }

  isTeam(userId: string | null, channelId: string): Promise<boolean> {
    return this.team.includes(userId, channelId);
  }
}
