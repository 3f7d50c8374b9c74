export type ChannelTeamRole = 'owner' | 'editor' | 'viewer';

/** Which channel a video belongs to, as studio records it (published or not). */
export interface ChannelVideo {
  videoId: string;
  channelId: string;
  /** The channel's owner (the creator). */
  ownerId: string;
  /** Null until the media is probed. */
  durationSeconds: number | null;
  /** The video's state (`ready` and later: its media went through the pipeline). */
  state?: string;
  /** The category the team set, if any. */
  category?: string | null;
}

/**
 * Studio's synchronous answer to "who is on this channel's team" and "whose is this video" for
 * other contexts (insights shows a channel's analytics to its team only). Team changes are frequent
 * and must apply at once, and unpublished videos are announced by no event, so this is asked, not
 * replicated from events.
 */
export abstract class ChannelDirectory {
  /** The user's active role on the channel, or null (not a member, or no such channel). */
  abstract roleOf(userId: string, channelId: string): Promise<ChannelTeamRole | null>;
  /** Whether studio knows the channel at all. */
  abstract exists(channelId: string): Promise<boolean>;
  /** The channel's owner, or null when there is no such channel. */
  abstract ownerOf(channelId: string): Promise<string | null>;
  /** The channel of each video studio knows (drafts and unpublished ones too); unknown ids are absent. */
  abstract videos(videoIds: string[]): Promise<Map<string, ChannelVideo>>;
  /**
   * The video when `viewerId` can see it — published, or on the viewer's own channel team — else null
   * (trust & safety takes reports only on what the reporter can see).
   */
  abstract videoVisibleTo(videoId: string, viewerId: string): Promise<ChannelVideo | null>;
}
