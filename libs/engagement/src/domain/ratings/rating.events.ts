import { DomainEvent } from '@lib/platform/ddd';

/** Whose the rated video is, so facts reach the right channel's analytics. */
export interface RatedVideo {
  videoId: string;
  channelId: string;
  creatorId: string;
}

export class VideoRated extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly video: RatedVideo,
    readonly userId: string,
    readonly stars: number,
    readonly previousStars: number | null,
    readonly average: number,
    readonly count: number,
  ) {
    super();
  }
}

export class RatingWithdrawn extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly video: RatedVideo,
    readonly userId: string,
    readonly previousStars: number,
    readonly average: number | null,
    readonly count: number,
  ) {
    super();
  }
}
