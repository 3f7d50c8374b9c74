import { Query } from '@nestjs/cqrs';
import type { EntitlementsView, UsageView } from '../../../contracts/billing.api.js';
import type { SubscriptionView } from '../../subscription-views.js';

export interface BillingOverview extends EntitlementsView {
  subscription: SubscriptionView | null;
  usage: UsageView[];
}

export class GetBillingOverviewQuery extends Query<BillingOverview> {
  constructor(readonly userId: string) {
    super();
  }
}
