import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { AccountSanctionChangedV1 } from '@lib/trust-safety/contracts';
import { CommentRepository } from '../../domain/comments/comment.repository.js';
import { CommentAnnouncer } from '../comments/comment-announcer.js';
import { CommentableVideos } from '../comments/commentable-videos.js';
import { SanctionedComments } from './sanctioned-comments.js';

const HIDING = ['suspension', 'ban'];

/**
 * A suspended or banned author's comments leave the page (hidden, counts adjusted, watchers told) and
 * come back when that sanction is lifted: only the comments the sanction hid, and only once no other
 * sanction still hides them. Redelivered events change nothing.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.hide-comments-of-sanctioned', on: [AccountSanctionChangedV1] })
export class HideCommentsOnAccountSanction implements EventConsumer<AccountSanctionChangedV1> {
  constructor(
    private readonly sanctioned: SanctionedComments,
    private readonly comments: CommentRepository,
    private readonly videos: CommentableVideos,
    private readonly announcer: CommentAnnouncer,
  ) {}

  async handle({ event }: ConsumerContext<AccountSanctionChangedV1>): Promise<void> {
    if (!HIDING.includes(event.sanction)) return;
    if (event.change === 'imposed') {
      const ids = await this.sanctioned.visibleIdsOf(event.userId);
      await this.sanctioned.remember(event.userId, event.sanction, ids);
      for (const id of ids) await this.apply(id, 'hide');
    } else {
      for (const id of await this.sanctioned.release(event.userId, event.sanction)) await this.apply(id, 'restore');
    }
  }

  private async apply(commentId: string, action: 'hide' | 'restore'): Promise<void> {
    const comment = await this.comments.findForUpdate(commentId);
    if (!comment || comment.isDeleted) return;
    const wasPublic = comment.counts;
    if (!comment.moderate(action)) return;
    await this.comments.save(comment);
    const delta = Number(comment.counts) - Number(wasPublic);
    if (delta) {
      await this.videos.adjustCommentCount(comment.videoId, delta);
      if (comment.threadId) await this.comments.adjustReplyCount(comment.threadId, delta);
    }
    await this.announcer.changed(comment, wasPublic);
  }
}
