/** How many people follow someone, and how many they follow (current follows only). */
export interface FollowCounts {
  followers: number;
  following: number;
}

/**
 * Engagement's synchronous answer about the social graph for other contexts (identity's public
 * profile). Asked, not replicated: a block must apply at once, and counts change on every follow.
 */
export abstract class SocialGraphView {
  /** Current follower and following counts; zero for anyone engagement does not know. */
  abstract countsOf(userId: string): Promise<FollowCounts>;
  /** Whether either person has blocked the other. */
  abstract isBlockedEitherWay(a: string, b: string): Promise<boolean>;
  /** Whether `followerId` follows `followeeId` now. */
  abstract isFollowing(followerId: string, followeeId: string): Promise<boolean>;
}
