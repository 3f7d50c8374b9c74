import { OutboundEventMap } from '@lib/platform';
import { PostPublishedV1, PostWithdrawnV1 } from '../../contracts/index.js';
import { PostPublished, PostWithdrawn } from '../../domain/posts/post.events.js';

/** Which post facts leave the context (the feed's own fan-out consumes them too), and in what shape. */
export const postOutboundEvents = new OutboundEventMap()
  .on(
    PostPublished,
    (event) =>
      new PostPublishedV1({
        postId: event.aggregateId,
        authorId: event.authorId,
        videoId: event.videoId,
        postedAt: event.createdAt.toISOString(),
      }),
  )
  .on(
    PostWithdrawn,
    (event) =>
      new PostWithdrawnV1({
        postId: event.aggregateId,
        authorId: event.authorId,
        withdrawnAt: event.occurredAt.toISOString(),
      }),
  );
