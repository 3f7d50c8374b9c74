import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { BillingApi } from '../../../contracts/billing.api.js';
import { ENTITLEMENT_NAMES, isQuota } from '../../../domain/plan/entitlements.js';
import { PlanRepository } from '../../../domain/plan/plan.repository.js';
import { PlanNotFoundError, PlanNotSyncedError } from '../../../domain/plan/plan.errors.js';
import type { Plan } from '../../../domain/plan/plan.js';
import { monthlyRecurringAmount } from '../../../domain/revenue/index.js';
import { NoSubscriptionError, SamePlanError } from '../../../domain/subscription/subscription.errors.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { PaymentProvider } from '../../payment-provider.js';
import { PlanCatalogue } from '../../plan-catalogue.js';
import { toSubscriptionView } from '../../subscription-views.js';
import { BillingFactApplier } from '../../webhooks/billing-fact-applier.js';
import { ChangeSubscriptionCommand, type QuotaWarning } from './change-subscription.command.js';

/**
 * Upgrades apply at once and charge the prorated difference now; downgrades take effect at the end
 * of the period already paid for (no refund of the difference), with a warning for every quota the
 * user is already above on the smaller plan.
 */
@CommandHandler(ChangeSubscriptionCommand)
export class ChangeSubscriptionHandler implements ICommandHandler<ChangeSubscriptionCommand> {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly provider: PaymentProvider,
    private readonly applier: BillingFactApplier,
    private readonly billing: BillingApi,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, planId, interval, preview }: ChangeSubscriptionCommand) {
    const subscription = (await this.subscriptions.liveOf(userId)).find((candidate) => candidate.hasPaidAccessStatus);
    if (!subscription) throw new NoSubscriptionError();
    const target = await this.plans.byId(planId);
    if (!target) throw new PlanNotFoundError(planId);
    const price = target.priceForSale(interval);
    if (subscription.planId === planId && subscription.interval === interval) throw new SamePlanError();
    const providerPrice = await this.plans.activePrice(planId, interval);
    if (!providerPrice) throw new PlanNotSyncedError(planId);

    const rank = await this.catalogue.ranker();
    const upgrade =
      rank(planId) > rank(subscription.planId) ||
      (rank(planId) === rank(subscription.planId) && monthlyRecurringAmount(price.amount, interval) > subscription.mrr);
    const proration = upgrade ? 'always_invoice' : 'none';
    const warnings = upgrade ? [] : await this.quotaWarnings(userId, target);
    const effectiveAt = upgrade ? new Date() : subscription.currentPeriodEnd;
    const base = {
      kind: upgrade ? ('upgrade' as const) : ('downgrade' as const),
      effectiveAt: effectiveAt.toISOString(),
      warnings,
    };

    // Quoted on confirmation too, so the answer says what was charged.
    const quote = await this.provider.previewPriceChange(
      subscription.providerSubscriptionId,
      providerPrice.providerPriceId,
      proration,
    );
    if (preview) return { ...quote, ...base, preview: true, subscription: toSubscriptionView(subscription) };
    const changed = await this.provider.changePrice(
      subscription.providerSubscriptionId,
      providerPrice.providerPriceId,
      proration,
      `change:${subscription.id}:${subscription.version ?? 0}:${planId}:${interval}`,
    );
    const updated = await this.unitOfWork.transactional(
      async () => (await this.applier.applySubscription(changed, new Date(), false)).subscription,
    );
    return { ...quote, ...base, preview: false, subscription: toSubscriptionView(updated) };
  }

  private async quotaWarnings(userId: string, target: Plan): Promise<QuotaWarning[]> {
    const warnings: QuotaWarning[] = [];
    for (const name of ENTITLEMENT_NAMES) {
      const limit = target.entitlements[name];
      if (!isQuota(name) || limit === 'unlimited') continue;
      const usage = await this.billing.usageOf(userId, name);
      if (usage.used > (limit as number))
        warnings.push({ entitlement: name, used: usage.used, newLimit: limit as number });
    }
    return warnings;
  }
}
