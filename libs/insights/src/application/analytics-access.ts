import { Injectable } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import { ChannelMembership } from './channel-membership.js';

export type AnalyticsLevel = 'basic' | 'advanced';

/**
 * Who may read a channel's analytics: its members (others get the caller's not-found, so ids are not
 * probed), at the level the channel OWNER's plan includes, whoever on the team reads (ADR 0056).
 * Refusals are billing's 403 `billing.entitlement.required` naming the plans that include it.
 */
@Injectable()
export class AnalyticsAccess {
  constructor(
    private readonly membership: ChannelMembership,
    private readonly billing: BillingApi,
  ) {}

  async require(userId: string, channelId: string, level: AnalyticsLevel, notFound: () => Error): Promise<void> {
    const holder = await this.membership.planHolderFor(userId, channelId);
    if (!holder) throw notFound();
    await this.billing.assertEntitled(holder, 'analytics', level);
  }
}
