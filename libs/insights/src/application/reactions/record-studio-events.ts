import { Injectable } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  type ConsumerContext,
  type EventConsumer,
  type IntegrationEvent,
} from '@lib/platform';
import { ChannelCreatedV1, VideoPublishedV1 } from '@lib/studio/contracts';
import { VideoCatalogue } from '../domain-facts.js';
import { EventStore } from '../event-store.js';
import { domainEventRow } from './domain-event-row.js';

/**
 * Studio's catalogue as insights needs it: which channel and creator a video belongs to (so client
 * events cannot attribute views to another channel once the video is known), and who owns each
 * channel, and each video's duration (to turn playback positions into percentages when a client
 * sends none). Publishes are also counted as `video_published` rows. Team membership is asked of
 * studio at read time (ChannelDirectory), not replicated.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'insights.record-studio', on: [ChannelCreatedV1, VideoPublishedV1] })
export class RecordStudioEvents implements EventConsumer {
  constructor(
    private readonly catalogue: VideoCatalogue,
    private readonly store: EventStore,
  ) {}

  async handle({ event, envelope }: ConsumerContext<IntegrationEvent>): Promise<void> {
    if (event instanceof ChannelCreatedV1) {
      await this.catalogue.recordChannel(event.channelId, event.ownerId, new Date(event.createdAt));
    } else if (event instanceof VideoPublishedV1) {
      const publishedAt = new Date(event.publishedAt);
      await this.catalogue.upsert({
        videoId: event.videoId,
        channelId: event.channelId,
        creatorId: event.creatorId,
        title: event.title,
        durationSeconds: event.durationSeconds ?? null,
        publishedAt,
      });
      await this.store.append([
        domainEventRow({
          eventId: envelope.id,
          name: 'video_published',
          occurredAt: publishedAt,
          userId: event.creatorId,
          channelId: event.channelId,
        }),
      ]);
    }
  }
}
