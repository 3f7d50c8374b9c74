/**
 * Who may read a channel's analytics. Studio owns channels and their teams; the adapter asks
 * studio's ChannelDirectory port (see infrastructure/studio-channel-membership.ts).
 */
export abstract class ChannelMembership {
  abstract isMember(userId: string, channelId: string): Promise<boolean>;
}
