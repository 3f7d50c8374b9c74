import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ContentActionedV1 } from '@lib/trust-safety/contracts';
import { CommentRepository } from '../../../domain/comments/comment.repository.js';
import { CommentAnnouncer } from '../comment-announcer.js';
import { CommentableVideos } from '../commentable-videos.js';

/**
 * Trust & safety decided on a comment: `approve`/`restore` make it public (a first release is
 * announced like a new comment), `hide`/`remove` take it off the page. Repeated decisions change nothing.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.moderate-comments', on: [ContentActionedV1] })
export class ModerateCommentsOnContentActioned implements EventConsumer<ContentActionedV1> {
  constructor(
    private readonly comments: CommentRepository,
    private readonly videos: CommentableVideos,
    private readonly announcer: CommentAnnouncer,
  ) {}

  async handle({ event }: ConsumerContext<ContentActionedV1>): Promise<void> {
    if (event.contentType !== 'comment') return;
    const comment = await this.comments.findForUpdate(event.contentId);
    if (!comment) return;
    const wasPublic = comment.counts;
    const wasAnnounced = comment.announcedAt !== null;
    if (!comment.moderate(event.action)) return;
    await this.comments.save(comment);
    const delta = Number(comment.counts) - Number(wasPublic);
    if (delta) {
      await this.videos.adjustCommentCount(comment.videoId, delta);
      if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, delta);
    }
    if (!wasAnnounced && comment.announcedAt) {
      const video = await this.videos.find(comment.videoId);
      await this.announcer.posted(comment, true, video?.creatorId ?? null);
    } else {
      await this.announcer.changed(comment, wasPublic);
    }
  }
}
