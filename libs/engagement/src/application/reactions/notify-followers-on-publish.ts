import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoPublishedV1 } from '@lib/studio/contracts';
import { NewEpisodeFanOut } from '../fan-out/new-episode-fan-out.js';

/** A creator published: their followers are told by a job in batches, never in the event's handler. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-followers-on-publish', on: [VideoPublishedV1] })
export class NotifyFollowersOnPublish implements EventConsumer<VideoPublishedV1> {
  constructor(private readonly fanOut: NewEpisodeFanOut) {}

  async handle({ event }: ConsumerContext<VideoPublishedV1>): Promise<void> {
    await this.fanOut.start({
      videoId: event.videoId,
      channelId: event.channelId,
      creatorId: event.creatorId,
      title: event.title,
      accessLevel: event.accessLevel,
    });
  }
}
