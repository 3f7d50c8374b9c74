/** A channel as anyone may see it on its owner's profile. */
export interface OwnedChannel {
  id: string;
  name: string;
  createdAt: string;
}

/**
 * Studio's synchronous answer to "which channels does this person own" for other contexts (identity's
 * public profile). Asked, not replicated: ownership moves with a transfer and must show at once.
 */
export abstract class OwnedChannels {
  /** The channels the user owns, oldest first; empty for anyone who owns none. */
  abstract ownedBy(userId: string): Promise<OwnedChannel[]>;
}
