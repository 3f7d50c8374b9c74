import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BillingApi } from '../../../contracts/billing.api.js';
import { ENTITLEMENT_NAMES, isQuota } from '../../../domain/plan/entitlements.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { overageOf, overageRuleOf } from '../../../domain/usage/overage.js';
import { toSubscriptionView } from '../../subscription-views.js';
import { ApiKeyUsage } from '../../usage/api-key-usage.js';
import { GetBillingOverviewQuery } from './get-billing-overview.query.js';

/** Plan, subscription state, entitlements and usage: what a billing settings page shows. */
@QueryHandler(GetBillingOverviewQuery)
export class GetBillingOverviewHandler implements IQueryHandler<GetBillingOverviewQuery> {
  constructor(
    private readonly billing: BillingApi,
    private readonly subscriptions: SubscriptionRepository,
    private readonly apiKeyUsage: ApiKeyUsage,
  ) {}

  async execute({ userId }: GetBillingOverviewQuery) {
    const [entitlements, subscription] = await Promise.all([
      this.billing.entitlementsOf(userId),
      this.subscriptions.currentOf(userId),
    ]);
    const usage = [];
    for (const name of ENTITLEMENT_NAMES) if (isQuota(name)) usage.push(await this.billing.usageOf(userId, name));
    // The overage so far this period, at the plan's unit prices: what the period's invoice will add.
    const overage = usage.flatMap((view) => {
      const rule = overageRuleOf(entitlements.planId, view.entitlement);
      if (!rule) return [];
      const { units, amount } = overageOf(view.used, view.limit, rule);
      return [
        {
          entitlement: view.entitlement,
          units,
          unitSize: rule.unitSize,
          unitAmount: rule.unitAmount,
          amount,
          currency: rule.currency,
        },
      ];
    });
    const apiCalls = usage.find((view) => view.entitlement === 'api_calls_per_month');
    const apiKeys = apiCalls?.periodStart
      ? await this.apiKeyUsage.callsByKey(userId, new Date(apiCalls.periodStart))
      : [];
    return {
      ...entitlements,
      subscription: subscription ? toSubscriptionView(subscription) : null,
      usage,
      overage,
      apiKeys,
    };
  }
}
