import { DomainEvent } from '@lib/platform/ddd';

/** The video a report is about, as engagement knows it. */
export interface WatchedVideo {
  videoId: string;
  channelId: string;
  creatorId: string;
  durationSeconds: number | null;
}

/** A report added watch time (seconds the entry could vouch for). */
export class WatchProgressed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly video: WatchedVideo,
    readonly userId: string,
    readonly positionSeconds: number,
    readonly watchedSeconds: number,
  ) {
    super();
  }
}

/** The person got past 90% (or the credits) of the video; once per watch-through. */
export class VideoCompleted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly video: WatchedVideo,
    readonly userId: string,
    readonly watchedSeconds: number,
  ) {
    super();
  }
}
