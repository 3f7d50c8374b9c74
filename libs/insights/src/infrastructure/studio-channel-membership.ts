import { Injectable } from '@nestjs/common';
import { ChannelMembership } from '../application/channel-membership.js';
import { VideoCatalogue } from '../application/domain-facts.js';

/**
 * Members of a channel, from studio's integration events: its owner (studio.channel-created.v1).
 * A channel studio never announced is treated as a creator's own channel whose id is the creator's
 * user id (the rule before studio existed, still used by clients that send `properties.channelId`).
 * Studio publishes no team membership events yet, so collaborators cannot read analytics.
 */
@Injectable()
export class StudioChannelMembership extends ChannelMembership {
  constructor(private readonly catalogue: VideoCatalogue) {
    super();
  }

  async isMember(userId: string, channelId: string): Promise<boolean> {
    const owner = await this.catalogue.ownerOf(channelId);
    if (owner) return owner.toLowerCase() === userId.toLowerCase();
    return userId.toLowerCase() === channelId.toLowerCase();
  }
}
