import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@lib/studio/contracts';
import { ChannelMembership } from '../application/channel-membership.js';

/**
 * A channel's analytics are for its whole team (owner, editors, viewers), asked of studio at read
 * time so a removal applies at once. A channel id studio does not know can only be a creator's
 * personal scope, keyed by their user id: follows of the creator and revenue whose checkout named
 * them. Client events never land there (their channel comes from studio), nor does a video.
 */
@Injectable()
export class StudioChannelMembership extends ChannelMembership {
  constructor(private readonly channels: ChannelDirectory) {
    super();
  }

  async isMember(userId: string, channelId: string): Promise<boolean> {
    if (await this.channels.roleOf(userId, channelId)) return true;
    if (await this.channels.exists(channelId)) return false;
    return userId.toLowerCase() === channelId.toLowerCase();
  }

  async planHolderFor(userId: string, channelId: string): Promise<string | null> {
    if (await this.channels.roleOf(userId, channelId)) return this.channels.ownerOf(channelId);
    if (await this.channels.exists(channelId)) return null;
    return userId.toLowerCase() === channelId.toLowerCase() ? userId : null;
  }
}
