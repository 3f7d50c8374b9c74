import { AggregateRoot, stableId } from '@lib/platform/ddd';
import { Liked, Unliked, type LikeContext, type LikeTargetType } from './like.events.js';

export type { LikeContext, LikeTargetType } from './like.events.js';

/**
 * The like count of one target. Every like and unlike of the target changes this row under a lock,
 * so the count is exact under concurrency and each change gets the next `version`, which consumers
 * use to drop stale counts (docs/adr/0028-exact-counters.md).
 */
export class LikeTally extends AggregateRoot {
  readonly id!: string;
  readonly targetType!: LikeTargetType;
  readonly targetId!: string;
  likes!: number;

  // Fields are set by `start` only: MikroORM builds entities without arguments and would read any value set here as a column default.
  private constructor() {
    super();
  }

  static start(targetType: LikeTargetType, targetId: string): LikeTally {
    return Object.assign(new LikeTally(), { id: LikeTally.idOf(targetType, targetId), targetType, targetId, likes: 0 });
  }

  static idOf(targetType: LikeTargetType, targetId: string): string {
    return stableId('like-tally', targetType, targetId);
  }

  /** Counts a like the store has just recorded (never a repeated one). */
  liked(userId: string, context: LikeContext): void {
    this.likes += 1;
    this.record(new Liked(this.id, this.targetType, this.targetId, userId, this.likes, context));
  }

  /** Counts an unlike of a like the store has just removed. */
  unliked(userId: string, context: LikeContext): void {
    this.likes = Math.max(0, this.likes - 1);
    this.record(new Unliked(this.id, this.targetType, this.targetId, userId, this.likes, context));
  }
}
