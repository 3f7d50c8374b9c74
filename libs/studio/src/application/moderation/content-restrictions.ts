/** Why studio refuses to show a video: trust & safety took it down, or its owner is suspended or banned. */
export type VideoRestriction = 'taken-down' | 'owner-sanctioned';

export interface VideoDecision {
  videoId: string;
  takenDown: boolean;
  action: string;
  decisionId: string;
  rule: string | null;
  decidedAt: Date;
}

/**
 * Studio's own record of trust & safety's decisions on its videos and their owners. Each write keeps
 * the decision time, so a late event older than the one already applied changes nothing.
 */
export abstract class ContentRestrictions {
  /** Records a takedown or restoration; false when a newer decision is already applied or studio has no such video. */
  abstract recordVideoDecision(decision: VideoDecision): Promise<boolean>;
  /** Records a suspension or ban imposed or lifted; false when a newer change is already applied. */
  abstract recordOwnerSanction(
    userId: string,
    sanction: 'suspension' | 'ban',
    inForce: boolean,
    changedAt: Date,
  ): Promise<boolean>;
  /** Every video (any state) of the channels the user owns. */
  abstract videosOwnedBy(userId: string): Promise<string[]>;
  /**
   * Moves the videos' versions on, so the catalog document written after a restriction change outranks
   * (and a tombstone outlives) whatever was indexed before it.
   */
  abstract bumpVersions(videoIds: string[]): Promise<void>;
  abstract restrictionOf(videoId: string): Promise<VideoRestriction | null>;
  /** The restricted ones among `videoIds`. */
  abstract restrictedAmong(videoIds: string[]): Promise<Set<string>>;
  /** Whether the media asset belongs to a restricted video (media delivery asks per file). */
  abstract assetRestricted(assetId: string): Promise<boolean>;
}
