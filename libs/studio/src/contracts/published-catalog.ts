/** A published video as other contexts' pages list it. */
export interface PublishedVideo {
  videoId: string;
  channelId: string;
  /** The channel's owner. */
  creatorId: string;
  title: string;
  tags: string[];
  durationSeconds: number | null;
  publishedAt: string;
}

/** A channel's branding as public pages show it; image URLs are signed and expire like thumbnails'. */
export interface PublicChannelBranding {
  accentColor: string | null;
  tagline: string | null;
  bannerUrl: string | null;
  logoUrl: string | null;
}

export interface CreatorChannel {
  channelId: string;
  name: string;
  description: string;
  createdAt: string;
  /** Null when the channel has none, or its owner's plan does not include `custom_branding` (kept, not shown). */
  branding: PublicChannelBranding | null;
}

/**
 * Studio's synchronous read of what a creator owns and publishes, for pages other contexts serve
 * (engagement's creator and hashtag pages). Channels are never announced by rename events, so the
 * current names are asked here rather than replicated.
 */
export abstract class PublishedCatalog {
  /** The channels the user owns, oldest first. */
  abstract channelsOf(creatorId: string): Promise<CreatorChannel[]>;
  /** The creator's published videos, newest first, with how many there are. */
  abstract latestOf(creatorId: string, limit: number): Promise<{ total: number; items: PublishedVideo[] }>;
  /**
   * Published videos carrying a tag (compared in the hashtag form: NFKC, lower case, no `#`), newest
   * first, leaving out the creators named; with how many there are.
   */
  abstract latestTagged(
    tag: string,
    limit: number,
    excludeCreatorIds: string[],
  ): Promise<{ total: number; items: PublishedVideo[] }>;
}
