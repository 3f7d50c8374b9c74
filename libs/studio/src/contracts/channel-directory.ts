export type ChannelTeamRole = 'owner' | 'editor' | 'viewer';

/**
 * Studio's synchronous answer to "who is on this channel's team" for other contexts (insights
 * shows a channel's analytics to its team only). Team changes are frequent and must apply at once,
 * so this is asked, not replicated from events.
 */
export abstract class ChannelDirectory {
  /** The user's active role on the channel, or null (not a member, or no such channel). */
  abstract roleOf(userId: string, channelId: string): Promise<ChannelTeamRole | null>;
  /** Whether studio knows the channel at all. */
  abstract exists(channelId: string): Promise<boolean>;
}
