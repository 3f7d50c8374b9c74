import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoDeletedV1, VideoPublishedV1, VideoUnpublishedV1, VideoUpdatedV1 } from '@lib/studio/contracts';
import { WatchableVideo } from '../../domain/watchable-video/watchable-video.js';
import { WatchableVideoRepository } from '../../domain/watchable-video/watchable-video.repository.js';

type VideoChange = VideoPublishedV1 | VideoUnpublishedV1 | VideoUpdatedV1 | VideoDeletedV1;

/**
 * Keeps engagement's copy of studio's published videos. Studio's aggregate version orders the
 * events, so a late or replayed one changes nothing; a deletion is final.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.remember-video',
  on: [VideoPublishedV1, VideoUnpublishedV1, VideoUpdatedV1, VideoDeletedV1],
})
export class RememberWatchableVideo implements EventConsumer<VideoChange> {
  constructor(private readonly videos: WatchableVideoRepository) {}

  async handle({ event, envelope }: ConsumerContext<VideoChange>): Promise<void> {
    const version = envelope.aggregateVersion ?? 0;
    const known = await this.videos.byId(event.videoId);
    if (known && (known.status === 'deleted' || (version && version <= known.studioVersion))) return;

    if (event instanceof VideoPublishedV1) {
      const video = known ?? blank(event.videoId, event.channelId);
      video.channelId = event.channelId;
      video.creatorId = event.creatorId;
      video.title = event.title;
      video.accessLevel = event.accessLevel;
      video.earlyAccessDays = event.earlyAccessDays ?? null;
      video.publishedAt = new Date(event.publishedAt);
      video.durationSeconds = event.durationSeconds ?? null;
      video.status = 'published';
      video.studioVersion = version;
      await this.videos.save(video);
      return;
    }
    if (!known) {
      // Never published as far as engagement knows: only a deletion is worth remembering (it is final).
      if (event instanceof VideoDeletedV1)
        await this.videos.save(markDeleted(blank(event.videoId, event.channelId), version));
      return;
    }
    if (event instanceof VideoDeletedV1) markDeleted(known, version);
    else if (event instanceof VideoUnpublishedV1) known.status = 'unpublished';
    else if (event.state !== 'published') known.status = 'unpublished';
    known.studioVersion = version || known.studioVersion;
    await this.videos.save(known);
  }
}

function blank(videoId: string, channelId: string): WatchableVideo {
  return new WatchableVideo(videoId, channelId, channelId, '', 'free', null, new Date(0), null, 'unpublished', 0);
}

function markDeleted(video: WatchableVideo, version: number): WatchableVideo {
  video.status = 'deleted';
  video.studioVersion = version || video.studioVersion;
  return video;
}
