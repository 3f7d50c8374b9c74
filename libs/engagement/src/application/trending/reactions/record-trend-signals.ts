import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import {
  CommentDeletedV1,
  CommentPostedV1,
  UserFollowedV1,
  VideoCompletedV1,
  VideoLikedV1,
  VideoUnlikedV1,
} from '../../../contracts/index.js';
import { ActorTrust, TrendSignals, type RecordedTrendSignal } from '../trending-ports.js';

type SignalFact =
  VideoLikedV1 | VideoUnlikedV1 | VideoCompletedV1 | CommentPostedV1 | CommentDeletedV1 | UserFollowedV1;

/**
 * Turns engagement's own facts into trend signals, each with the actor's trust level when they
 * acted; an unlike or a deleted comment takes its signal back. The event id keys the signal, so a
 * redelivery records nothing new.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.record-trend-signals',
  on: [VideoLikedV1, VideoUnlikedV1, VideoCompletedV1, CommentPostedV1, CommentDeletedV1, UserFollowedV1],
})
export class RecordTrendSignals implements EventConsumer<SignalFact> {
  constructor(
    private readonly signals: TrendSignals,
    private readonly trust: ActorTrust,
  ) {}

  async handle({ event, envelope }: ConsumerContext<SignalFact>): Promise<void> {
    if (event instanceof VideoUnlikedV1) return this.signals.withdrawLike(event.videoId, event.userId);
    if (event instanceof CommentDeletedV1) return this.signals.withdrawComment(event.commentId);
    const signal = toSignal(event, envelope.id);
    await this.signals.record({ ...signal, trustLevel: await this.trust.levelOf(signal.actorId) });
  }
}

function toSignal(
  event: VideoLikedV1 | VideoCompletedV1 | CommentPostedV1 | UserFollowedV1,
  id: string,
): Omit<RecordedTrendSignal, 'trustLevel'> {
  const base = { id, followeeId: null, hashtags: [], sourceId: null };
  if (event instanceof VideoLikedV1)
    return { ...base, kind: 'like', videoId: event.videoId, actorId: event.userId, at: new Date(event.likedAt) };
  if (event instanceof VideoCompletedV1)
    return {
      ...base,
      kind: 'completion',
      videoId: event.videoId,
      actorId: event.userId,
      at: new Date(event.completedAt),
    };
  if (event instanceof CommentPostedV1)
    return {
      ...base,
      kind: 'comment',
      videoId: event.videoId,
      actorId: event.authorId,
      hashtags: event.hashtags,
      sourceId: event.commentId,
      at: new Date(event.postedAt),
    };
  return {
    ...base,
    kind: 'follow',
    videoId: null,
    followeeId: event.followeeId,
    actorId: event.followerId,
    at: new Date(event.followedAt),
  };
}
