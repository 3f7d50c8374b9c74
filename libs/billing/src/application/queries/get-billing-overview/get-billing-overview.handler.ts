import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BillingApi } from '../../../contracts/billing.api.js';
import { ENTITLEMENT_NAMES, isQuota } from '../../../domain/plan/entitlements.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { toSubscriptionView } from '../../subscription-views.js';
import { GetBillingOverviewQuery } from './get-billing-overview.query.js';

/** Plan, subscription state, entitlements and usage: what a billing settings page shows. */
@QueryHandler(GetBillingOverviewQuery)
export class GetBillingOverviewHandler implements IQueryHandler<GetBillingOverviewQuery> {
  constructor(
    private readonly billing: BillingApi,
    private readonly subscriptions: SubscriptionRepository,
  ) {}

  async execute({ userId }: GetBillingOverviewQuery) {
    const [entitlements, subscription] = await Promise.all([
      this.billing.entitlementsOf(userId),
      this.subscriptions.currentOf(userId),
    ]);
    const usage = [];
    for (const name of ENTITLEMENT_NAMES) if (isQuota(name)) usage.push(await this.billing.usageOf(userId, name));
    return { ...entitlements, subscription: subscription ? toSubscriptionView(subscription) : null, usage };
  }
}
