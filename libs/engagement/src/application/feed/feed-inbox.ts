export type FeedItemType = 'video' | 'post';

/** What an inbox row points at; its place in the feed is `publishedAt`. */
export interface FeedItemRef {
  type: FeedItemType;
  itemId: string;
  authorId: string;
  publishedAt: Date;
}

/** The per-follower inboxes that fan-out on write fills (ADR 0037). */
export abstract class FeedInbox {
  /**
   * Whether the creator's items are merged on read: already marked, or more than `threshold` active
   * followers now (then marked for good, so a creator hovering at the line does not flip back and forth).
   */
  abstract mergedOnRead(creatorId: string, threshold: number): Promise<boolean>;
  /** A creator's active followers in id order, the batch after `afterFollowerId`. */
  abstract followerBatch(creatorId: string, afterFollowerId: string | null, limit: number): Promise<string[]>;
  /** Adds the item to these inboxes (once); answers who got it and neither mutes nor blocks with its author. */
  abstract deliver(userIds: readonly string[], item: FeedItemRef): Promise<string[]>;
  /** Keeps each of these inboxes to its newest `cap` entries. */
  abstract trim(userIds: readonly string[], cap: number): Promise<void>;
  /** Copies the creator's latest `limit` public videos and posts into a new follower's inbox. */
  abstract backfill(followerId: string, creatorId: string, limit: number): Promise<void>;
  /** Takes a creator's entries out of one follower's inbox (an unfollow, or a block that ended the follow). */
  abstract removeAuthor(followerId: string, creatorId: string): Promise<void>;
}

export interface FeedFanOutJob {
  type: FeedItemType;
  itemId: string;
  authorId: string;
  publishedAt: string;
  /** Followers are walked in follower_id order; the batch starts after this one (null: the start). */
  afterFollowerId: string | null;
}

/** Where feed fan-out batches wait for a worker; the same batch queued twice runs once. */
export abstract class FeedFanOutBatches {
  abstract queue(job: FeedFanOutJob): Promise<void>;
}
