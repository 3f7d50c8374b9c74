import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoPublishedV1 } from '@lib/studio/contracts';
import { PostPublishedV1 } from '../../../contracts/index.js';
import { FeedFanOut } from '../feed-fan-out.js';

/** A followed creator published a video or a post: the feed's fan-out starts (jobs, never in this handler). */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.feed-fan-out-on-publish', on: [VideoPublishedV1, PostPublishedV1] })
export class FanOutOnPublish implements EventConsumer<VideoPublishedV1 | PostPublishedV1> {
  constructor(private readonly fanOut: FeedFanOut) {}

  async handle({ event }: ConsumerContext<VideoPublishedV1 | PostPublishedV1>): Promise<void> {
    const item =
      'postId' in event
        ? { type: 'post' as const, itemId: event.postId, authorId: event.authorId, publishedAt: event.postedAt }
        : { type: 'video' as const, itemId: event.videoId, authorId: event.creatorId, publishedAt: event.publishedAt };
    await this.fanOut.start({ ...item, publishedAt: new Date(item.publishedAt) });
  }
}
