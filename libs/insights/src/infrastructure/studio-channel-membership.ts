import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@lib/studio/contracts';
import { ChannelMembership } from '../application/channel-membership.js';

/**
 * A channel's analytics are for its whole team (owner, editors, viewers), asked of studio at read
 * time so a removal applies at once. A channel id studio does not know is a creator's own channel
 * whose id is the creator's user id (clients may send `properties.channelId` that way).
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
}
