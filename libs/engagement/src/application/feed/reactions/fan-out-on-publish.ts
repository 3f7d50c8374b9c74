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
    if (event instanceof PostPublishedV1 || 'postId' in event) {
      const post = event as PostPublishedV1;
      await this.fanOut.start({
        type: 'post',
        itemId: post.postId,
        authorId: post.authorId,
        publishedAt: new Date(post.postedAt),
      });
      return;
    }
    const video = event as VideoPublishedV1;
    await this.fanOut.start({
      type: 'video',
      itemId: video.videoId,
      authorId: video.creatorId,
      publishedAt: new Date(video.publishedAt),
    });
  }
}
