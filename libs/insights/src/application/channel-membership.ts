/**
 * Who may read a channel's analytics. Studio owns channels and their teams; the adapter asks
 * studio's ChannelDirectory port (see infrastructure/studio-channel-membership.ts).
 */
export abstract class ChannelMembership {
  abstract isMember(userId: string, channelId: string): Promise<boolean>;
  /**
   * Whose plan sets the channel's analytics for this reader: the channel owner's (a team member reads
   * under it), or the creator's own for their personal scope; null when the reader is not a member.
   */
  abstract planHolderFor(userId: string, channelId: string): Promise<string | null>;
}
