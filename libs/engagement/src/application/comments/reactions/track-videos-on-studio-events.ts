import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoDeletedV1, VideoPublishedV1, VideoUnpublishedV1 } from '@lib/studio/contracts';
import { CommentableVideos } from '../commentable-videos.js';

type VideoFact = VideoPublishedV1 | VideoUnpublishedV1 | VideoDeletedV1;

/** Keeps engagement's read model of which videos are public (and whose), for comments. */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.track-commentable-videos',
  on: [VideoPublishedV1, VideoUnpublishedV1, VideoDeletedV1],
})
export class TrackVideosOnStudioEvents implements EventConsumer<VideoFact> {
  constructor(private readonly videos: CommentableVideos) {}

  async handle({ event }: ConsumerContext<VideoFact>): Promise<void> {
    if (event instanceof VideoPublishedV1) {
      await this.videos.recordPublished({
        videoId: event.videoId,
        channelId: event.channelId,
        creatorId: event.creatorId,
        at: new Date(event.publishedAt),
      });
    } else if (event instanceof VideoUnpublishedV1) {
      await this.videos.recordUnpublished({
        videoId: event.videoId,
        channelId: event.channelId,
        at: new Date(event.unpublishedAt),
      });
    } else {
      await this.videos.recordDeleted({
        videoId: event.videoId,
        channelId: event.channelId,
        at: new Date(event.deletedAt),
      });
    }
  }
}
