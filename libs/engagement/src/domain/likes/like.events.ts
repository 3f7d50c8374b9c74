import { DomainEvent } from '@lib/platform/ddd';

/** What can be liked; comments plug in beside videos. */
export type LikeTargetType = 'video' | 'comment';

/** Whose the liked thing is, so facts reach the right channel's analytics. */
export interface LikeContext {
  channelId: string;
  creatorId: string;
  /** The video itself, or the video a comment is on. */
  videoId: string;
}

export class Liked extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly targetType: LikeTargetType,
    readonly targetId: string,
    readonly userId: string,
    /** The target's like count after this like. */
    readonly likes: number,
    readonly context: LikeContext,
  ) {
    super();
  }
}

export class Unliked extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly targetType: LikeTargetType,
    readonly targetId: string,
    readonly userId: string,
    readonly likes: number,
    readonly context: LikeContext,
  ) {
    super();
  }
}
