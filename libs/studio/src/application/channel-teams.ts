import { Injectable } from '@nestjs/common';
import { Channel } from '../domain/channel/channel.js';
import { ChannelNotFoundError } from '../domain/channel/channel.errors.js';
import { ChannelRepository } from '../domain/channel/channel.repository.js';
import { type TeamRole } from '../domain/channel/team-role.js';

/** Loads a channel for a caller and checks their role: 404 for outsiders, 403 for a role too low. */
@Injectable()
export class ChannelTeams {
  constructor(private readonly channels: ChannelRepository) {}

  async require(userId: string, channelId: string, minimum: TeamRole): Promise<Channel> {
    const channel = await this.channels.byId(channelId);
    if (!channel) throw new ChannelNotFoundError(channelId);
    channel.require(userId, minimum);
    return channel;
  }

  /** For invitees, who are not members yet. */
  async invitedOrMember(userId: string, channelId: string): Promise<Channel> {
    const channel = await this.channels.byId(channelId);
    if (!channel || (!channel.roleOf(userId) && !channel.hasInvitation(userId)))
      throw new ChannelNotFoundError(channelId);
    return channel;
  }
}
