import type { OutboundEventMap } from '@lib/platform';
import {
  VideoCompletedV1,
  VideoLikedV1,
  VideoRatedV1,
  VideoRatingWithdrawnV1,
  VideoUnlikedV1,
  WatchProgressedV1,
} from '../contracts/index.js';
import { Liked, Unliked } from '../domain/likes/like.events.js';
import { RatingWithdrawn, VideoRated } from '../domain/ratings/rating.events.js';
import { VideoCompleted, WatchProgressed } from '../domain/watch-progress/watch-progress.events.js';

/**
 * Which like, rating and watch facts leave the context. Likes of other targets (comments) stay
 * internal until they get events of their own.
 */
export function withInteractionEvents(map: OutboundEventMap): OutboundEventMap {
  return map
    .on(Liked, (event) =>
      event.targetType !== 'video'
        ? []
        : new VideoLikedV1({
            videoId: event.targetId,
            channelId: event.context.channelId,
            creatorId: event.context.creatorId,
            userId: event.userId,
            likes: event.likes,
            likedAt: event.occurredAt.toISOString(),
          }),
    )
    .on(Unliked, (event) =>
      event.targetType !== 'video'
        ? []
        : new VideoUnlikedV1({
            videoId: event.targetId,
            channelId: event.context.channelId,
            creatorId: event.context.creatorId,
            userId: event.userId,
            likes: event.likes,
            unlikedAt: event.occurredAt.toISOString(),
          }),
    )
    .on(
      VideoRated,
      (event) =>
        new VideoRatedV1({
          ...event.video,
          userId: event.userId,
          stars: event.stars,
          previousStars: event.previousStars,
          average: event.average,
          count: event.count,
          ratedAt: event.occurredAt.toISOString(),
        }),
    )
    .on(
      RatingWithdrawn,
      (event) =>
        new VideoRatingWithdrawnV1({
          ...event.video,
          userId: event.userId,
          previousStars: event.previousStars,
          average: event.average,
          count: event.count,
          withdrawnAt: event.occurredAt.toISOString(),
        }),
    )
    .on(
      WatchProgressed,
      (event) =>
        new WatchProgressedV1({
          videoId: event.video.videoId,
          channelId: event.video.channelId,
          creatorId: event.video.creatorId,
          userId: event.userId,
          positionSeconds: event.positionSeconds,
          watchedSeconds: event.watchedSeconds,
          reportedAt: event.occurredAt.toISOString(),
        }),
    )
    .on(
      VideoCompleted,
      (event) =>
        new VideoCompletedV1({
          videoId: event.video.videoId,
          channelId: event.video.channelId,
          creatorId: event.video.creatorId,
          userId: event.userId,
          watchedSeconds: event.watchedSeconds,
          completedAt: event.occurredAt.toISOString(),
        }),
    );
}
