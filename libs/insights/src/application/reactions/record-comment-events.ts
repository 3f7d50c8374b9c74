import { Injectable } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  type ConsumerContext,
  type EventConsumer,
  type IntegrationEvent,
} from '@lib/platform';
import { CommentDeletedV1, CommentPostedV1 } from '@lib/engagement/contracts';
import { EventStore } from '../event-store.js';
import { VideoDirectory } from '../video-directory.js';
import { domainEventRow } from './domain-event-row.js';

type CommentChange = CommentPostedV1 | CommentDeletedV1;

/**
 * Public comments as facts of the video's channel: `comment` (reply or not) and `comment_deleted`.
 * The creator comes from studio's facts of the video (ADR 0020), never from the event's author.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'insights.record-comments',
  on: [CommentPostedV1, CommentDeletedV1],
  concurrency: 4,
})
export class RecordCommentEvents implements EventConsumer<CommentChange> {
  constructor(
    private readonly store: EventStore,
    private readonly videos: VideoDirectory,
  ) {}

  async handle({ event, envelope }: ConsumerContext<IntegrationEvent>): Promise<void> {
    const change = event as CommentChange;
    const facts = (await this.videos.factsOf([change.videoId])).get(change.videoId);
    const base = {
      eventId: envelope.id,
      userId: change.authorId,
      videoId: change.videoId,
      channelId: facts?.channelId ?? change.channelId,
      creatorId: facts?.creatorId ?? null,
    };
    const row =
      change instanceof CommentPostedV1
        ? domainEventRow({
            ...base,
            name: 'comment',
            occurredAt: new Date(change.postedAt),
            properties: { commentId: change.commentId, reply: change.threadId !== null },
          })
        : domainEventRow({
            ...base,
            name: 'comment_deleted',
            occurredAt: new Date(change.deletedAt),
            properties: { commentId: change.commentId, deletedBy: change.deletedBy },
          });
    // An unknown creator must not fall back to the channel id (domainEventRow's default for follows).
    if (!facts) row.creatorId = null;
    await this.store.append([row]);
  }
}
