import { Injectable } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import { Channel } from '../domain/channel/channel.js';
import { ChannelNotFoundError } from '../domain/channel/channel.errors.js';
import { ChannelRepository } from '../domain/channel/channel.repository.js';
import { type TeamRole } from '../domain/channel/team-role.js';

export const STUDIO_ACCESS = 'studio_access' as const;
export const CUSTOM_BRANDING = 'custom_branding' as const;

/** Loads a channel for a caller and checks their role: 404 for outsiders, 403 for a role too low. */
@Injectable()
export class ChannelTeams {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly billing: BillingApi,
  ) {}

  async require(userId: string, channelId: string, minimum: TeamRole): Promise<Channel> {
    const channel = await this.channels.byId(channelId);
    if (!channel) throw new ChannelNotFoundError(channelId);
    channel.require(userId, minimum);
    return channel;
  }

  /**
   * `require`, for work that creates or changes the channel's content or team: the channel's studio
   * runs on its owner's plan (402 without `studio_access`), whoever on the team acts (ADR 0056).
   */
  async requireToWork(userId: string, channelId: string, minimum: TeamRole): Promise<Channel> {
    const channel = await this.require(userId, channelId, minimum);
    await this.billing.assertPlanIncludes(channel.ownerId, STUDIO_ACCESS);
    return channel;
  }

  /** `requireToWork`, for branding: the owner's plan must also include `custom_branding` (402 otherwise). */
  async requireToBrand(userId: string, channelId: string): Promise<Channel> {
    const channel = await this.requireToWork(userId, channelId, 'editor');
    await this.billing.assertPlanIncludes(channel.ownerId, CUSTOM_BRANDING);
    return channel;
  }

  /** Opening a channel: the person's own plan must include studio access. */
  async assertMayOpenChannel(userId: string): Promise<void> {
    await this.billing.assertPlanIncludes(userId, STUDIO_ACCESS);
  }

  /** For invitees, who are not members yet. */
  async invitedOrMember(userId: string, channelId: string): Promise<Channel> {
    const channel = await this.channels.byId(channelId);
    if (!channel || (!channel.roleOf(userId) && !channel.hasInvitation(userId)))
      throw new ChannelNotFoundError(channelId);
    return channel;
  }
}
