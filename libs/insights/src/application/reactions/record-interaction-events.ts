import { Injectable } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  type ConsumerContext,
  type EventConsumer,
  type IntegrationEvent,
} from '@lib/platform';
import {
  VideoCompletedV1,
  VideoLikedV1,
  VideoRatedV1,
  VideoRatingWithdrawnV1,
  VideoUnlikedV1,
  WatchProgressedV1,
} from '@lib/engagement/contracts';
import type { StoredEvent } from '../event-store.js';
import { EventStore } from '../event-store.js';
import { domainEventRow } from './domain-event-row.js';

type Interaction =
  VideoLikedV1 | VideoUnlikedV1 | VideoRatedV1 | VideoRatingWithdrawnV1 | WatchProgressedV1 | VideoCompletedV1;

/**
 * Likes, ratings, signed-in watch time and completions as facts of the video's channel. The channel
 * and creator come from engagement's copy of studio's published videos (never from a client), so
 * they follow ADR 0020. Rows: `like`, `unlike`, `rating` (stars, previous), `rating_withdrawn`,
 * `watch_time` (watch_seconds), `completion`.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'insights.record-interactions',
  on: [VideoLikedV1, VideoUnlikedV1, VideoRatedV1, VideoRatingWithdrawnV1, WatchProgressedV1, VideoCompletedV1],
  concurrency: 4,
})
export class RecordInteractionEvents implements EventConsumer<Interaction> {
  constructor(private readonly store: EventStore) {}

  async handle({ event, envelope }: ConsumerContext<IntegrationEvent>): Promise<void> {
    const row = rowOf(event as Interaction, envelope.id);
    if (row) await this.store.append([row]);
  }
}

function rowOf(event: Interaction, eventId: string): StoredEvent | null {
  const base = {
    eventId,
    userId: event.userId,
    videoId: event.videoId,
    channelId: event.channelId,
    creatorId: event.creatorId,
  };
  if (event instanceof VideoLikedV1)
    return domainEventRow({
      ...base,
      name: 'like',
      occurredAt: new Date(event.likedAt),
      properties: { likes: event.likes },
    });
  if (event instanceof VideoUnlikedV1)
    return domainEventRow({
      ...base,
      name: 'unlike',
      occurredAt: new Date(event.unlikedAt),
      properties: { likes: event.likes },
    });
  if (event instanceof VideoRatedV1)
    return domainEventRow({
      ...base,
      name: 'rating',
      occurredAt: new Date(event.ratedAt),
      properties: { stars: event.stars, previousStars: event.previousStars },
    });
  if (event instanceof VideoRatingWithdrawnV1)
    return domainEventRow({
      ...base,
      name: 'rating_withdrawn',
      occurredAt: new Date(event.withdrawnAt),
      properties: { previousStars: event.previousStars },
    });
  if (event instanceof WatchProgressedV1)
    return domainEventRow({
      ...base,
      name: 'watch_time',
      occurredAt: new Date(event.reportedAt),
      watchSeconds: event.watchedSeconds,
      properties: { positionSeconds: event.positionSeconds },
    });
  if (event instanceof VideoCompletedV1)
    return domainEventRow({
      ...base,
      name: 'completion',
      occurredAt: new Date(event.completedAt),
      properties: { watchedSeconds: event.watchedSeconds },
    });
  return null;
}
