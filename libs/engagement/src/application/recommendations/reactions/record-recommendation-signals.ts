import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import {
  CommentDeletedV1,
  CommentPostedV1,
  UserFollowedV1,
  UserUnfollowedV1,
  VideoCompletedV1,
  VideoLikedV1,
  VideoRatedV1,
  VideoRatingWithdrawnV1,
  VideoUnlikedV1,
  WatchProgressedV1,
} from '../../../contracts/index.js';
import { RecommendationCache, RecommendationSignals } from '../recommendation-ports.js';

type SignalFact =
  | VideoLikedV1
  | VideoUnlikedV1
  | VideoRatedV1
  | VideoRatingWithdrawnV1
  | WatchProgressedV1
  | VideoCompletedV1
  | CommentPostedV1
  | CommentDeletedV1
  | UserFollowedV1
  | UserUnfollowedV1;

/**
 * Engagement's own interaction facts become the person's recommendation signals (one row per person,
 * video and kind; the inbox makes each event count once), and the person's cached lists are forgotten
 * after the commit so their next request reflects it (docs/adr/0044).
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.record-recommendation-signals',
  on: [
    VideoLikedV1,
    VideoUnlikedV1,
    VideoRatedV1,
    VideoRatingWithdrawnV1,
    WatchProgressedV1,
    VideoCompletedV1,
    CommentPostedV1,
    CommentDeletedV1,
    UserFollowedV1,
    UserUnfollowedV1,
  ],
})
export class RecordRecommendationSignals implements EventConsumer<SignalFact> {
  constructor(
    private readonly signals: RecommendationSignals,
    private readonly cache: RecommendationCache,
    private readonly config: AppConfig,
  ) {}

  async handle({ event, envelope, afterCommit }: ConsumerContext<SignalFact>): Promise<void> {
    const personId = await this.record(event, envelope.id);
    if (personId) afterCommit(() => this.cache.forget(personId));
  }

  /** Records the fact; answers whose lists it changes. */
  private async record(event: SignalFact, eventId: string): Promise<string | null> {
    if (event instanceof UserFollowedV1 || event instanceof UserUnfollowedV1) return event.followerId;
    if (event instanceof CommentDeletedV1)
      return (await this.signals.withdrawComment(event.commentId))?.personId ?? null;
    if (event instanceof CommentPostedV1) {
      const signal = { personId: event.authorId, videoId: event.videoId, kind: 'comment' as const, value: 1 };
      await this.signals.apply({
        op: 'set',
        signal: { ...signal, at: new Date(event.postedAt) },
        eventId,
        sourceKey: event.commentId,
      });
      return event.authorId;
    }
    const { userId: personId, videoId } = event;
    if (event instanceof VideoLikedV1) {
      await this.signals.apply({
        op: 'set',
        signal: { personId, videoId, kind: 'like', value: 1, at: new Date(event.likedAt) },
        eventId,
      });
    } else if (event instanceof VideoUnlikedV1) {
      await this.signals.apply({ op: 'withdraw', personId, videoId, kind: 'like' });
    } else if (event instanceof VideoRatedV1) {
      await this.signals.apply({
        op: 'set',
        signal: { personId, videoId, kind: 'rating', value: event.stars, at: new Date(event.ratedAt) },
        eventId,
      });
    } else if (event instanceof VideoRatingWithdrawnV1) {
      await this.signals.apply({ op: 'withdraw', personId, videoId, kind: 'rating' });
    } else if (event instanceof VideoCompletedV1) {
      await this.signals.apply({
        op: 'add',
        signal: { personId, videoId, kind: 'completion', value: 1, at: new Date(event.completedAt) },
        eventId,
      });
    } else {
      const at = new Date(event.reportedAt);
      const { before, after } = await this.signals.apply({
        op: 'add',
        signal: { personId, videoId, kind: 'watch_time', value: event.watchedSeconds, at },
        eventId,
      });
      const threshold = this.config.recommendations.viewThresholdSeconds;
      // A view counts once the vouched watch time passes the threshold, not on pressing play.
      const viewed = before < threshold && after >= threshold;
      if (viewed)
        await this.signals.apply({ op: 'once', signal: { personId, videoId, kind: 'view', value: 1, at }, eventId });
      // Starting a video is when the one before it turns out abandoned.
      const skipped = before === 0 ? await this.detectSkip(personId, videoId, at, eventId) : false;
      if (!viewed && !skipped) return null;
    }
    return personId;
  }

  /** The video watched just before, left within seconds for this one, gets a skip signal (once). */
  private async detectSkip(personId: string, videoId: string, at: Date, eventId: string): Promise<boolean> {
    const { skipSeconds, skipWindowMs } = this.config.recommendations;
    if (skipSeconds === 0) return false;
    const abandoned = await this.signals.abandonedBefore({
      personId,
      videoId,
      since: new Date(at.getTime() - skipWindowMs),
      maxSeconds: skipSeconds,
    });
    if (!abandoned) return false;
    await this.signals.apply({
      op: 'once',
      signal: { personId, videoId: abandoned, kind: 'skip', value: 1, at },
      eventId,
    });
    return true;
  }
}
