import { OutboundEventMap } from '@lib/platform';
import { CommentDeletedV1, CommentPostedV1 } from '../../contracts/index.js';
import { CommentDeleted, CommentPosted } from '../../domain/comments/comment.events.js';

/** Which comment facts leave the context, and in what shape. */
export const commentOutboundEvents = new OutboundEventMap()
  .on(
    CommentPosted,
    (event) =>
      new CommentPostedV1({
        commentId: event.aggregateId,
        videoId: event.videoId,
        channelId: event.channelId,
        authorId: event.authorId,
        threadId: event.threadId,
        hashtags: event.hashtags,
        mentionedUserIds: event.mentionedUserIds,
        postedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    CommentDeleted,
    (event) =>
      new CommentDeletedV1({
        commentId: event.aggregateId,
        videoId: event.videoId,
        channelId: event.channelId,
        authorId: event.authorId,
        deletedBy: event.deletedBy,
        deletedAt: event.occurredAt.toISOString(),
      }),
  );
