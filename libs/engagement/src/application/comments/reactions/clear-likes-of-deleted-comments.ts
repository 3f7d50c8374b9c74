import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { CommentDeletedV1 } from '../../../contracts/index.js';
import { CommentLikeCounts } from '../comment-likes.js';

/**
 * A deleted comment (by its author, its team or moderation) loses its likes: whoever deleted it,
 * the one event covers it, and a like after the deletion is already refused (the comment is gone).
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.clear-comment-likes', on: [CommentDeletedV1] })
export class ClearLikesOfDeletedComments implements EventConsumer<CommentDeletedV1> {
  constructor(private readonly counts: CommentLikeCounts) {}

  async handle({ event }: ConsumerContext<CommentDeletedV1>): Promise<void> {
    await this.counts.clear(event.commentId);
  }
}
