import type { LikeTally, LikeTargetType } from './like-tally.js';

/**
 * Likes (one row per person and target) and each target's tally. Inside a unit of work only:
 * `lockTally` holds the target's tally row until the transaction ends, which serialises every
 * like and unlike of that target.
 */
export abstract class LikeRepository {
  /** The target's tally, created at zero when missing, locked for this transaction. */
  abstract lockTally(targetType: LikeTargetType, targetId: string): Promise<LikeTally>;
  /** Records the like; false when this person already likes the target. */
  abstract addLike(targetType: LikeTargetType, targetId: string, userId: string, at: Date): Promise<boolean>;
  /** Removes the like; false when there was none. */
  abstract removeLike(targetType: LikeTargetType, targetId: string, userId: string): Promise<boolean>;
  abstract likes(targetType: LikeTargetType, targetId: string, userId: string): Promise<boolean>;
  /** The target's current count (0 when never liked), without locking. */
  abstract countOf(targetType: LikeTargetType, targetId: string): Promise<number>;
  /** Saved with the current unit of work. */
  abstract save(tally: LikeTally): void;
}
