import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MeteredBillingProvider } from '../../application/usage/metered-billing-provider.js';
import { OverageMeter } from '../../application/usage/overage-meter.js';
import { PlanCatalogue } from '../../application/plan-catalogue.js';
import type { QuotaName } from '../../domain/plan/entitlements.js';
import { overageRuleOf, type OverageRule } from '../../domain/usage/overage.js';

interface SubscriptionRow {
  provider_subscription_id: string;
  provider_customer_id: string;
  interval: 'month' | 'year';
}

/**
 * Reports overage units to the provider's meter. Per person, quota and period the units reported so
 * far are kept under a row lock; only a rise is sent, as a meter event whose identifier is the new
 * total (a retry after a lost answer is counted once by the provider). The meter, the metered price
 * and the subscription item are created on first need, each under an idempotency key.
 */
@Injectable()
export class SqlOverageMeter extends OverageMeter {
  constructor(
    private readonly em: EntityManager,
    private readonly provider: MeteredBillingProvider,
    private readonly catalogue: PlanCatalogue,
  ) {
    super();
  }

  async report(input: {
    userId: string;
    planId: string;
    quota: QuotaName;
    periodStart: Date;
    totalUnits: number;
  }): Promise<void> {
    const rule = overageRuleOf(input.planId, input.quota);
    if (!rule) return;
    await this.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into billing.overage_reports (user_id, quota, period_start, units_reported) values (?, ?, ?, 0)
         on conflict do nothing`,
        [input.userId, input.quota, input.periodStart],
      );
      const [row] = await em.execute<{ units_reported: string }[]>(
        `select units_reported from billing.overage_reports where user_id = ? and quota = ? and period_start = ? for update`,
        [input.userId, input.quota, input.periodStart],
      );
      const reported = Number(row.units_reported);
      if (reported >= input.totalUnits) return;
      const [subscription] = await em.execute<SubscriptionRow[]>(
        `select provider_subscription_id, provider_customer_id, interval from billing.subscriptions
          where user_id = ? and plan_id = ? and status in ('active', 'trialing', 'past_due')
          order by created_at desc limit 1`,
        [input.userId, input.planId],
      );
      // Overage needs a paid subscription to bill on (a comped plan has none): nothing to report.
      if (!subscription) return;
      const price = await this.meteredPrice(em, input.planId, rule, subscription.interval);
      const claimed = await em.execute<unknown[]>(
        `insert into billing.overage_items (provider_subscription_id, provider_price_id) values (?, ?)
         on conflict do nothing returning 1`,
        [subscription.provider_subscription_id, price.priceId],
      );
      if (claimed.length)
        await this.provider.addSubscriptionItem(
          subscription.provider_subscription_id,
          price.priceId,
          `overage-item:${subscription.provider_subscription_id}:${price.priceId}`,
        );
      await this.provider.reportUsage({
        eventName: price.eventName,
        providerCustomerId: subscription.provider_customer_id,
        value: input.totalUnits - reported,
        identifier: `overage:${input.userId}:${input.quota}:${input.periodStart.getTime()}:${input.totalUnits}`,
        timestamp: new Date(),
      });
      await em.execute(
        `update billing.overage_reports set units_reported = ?, updated_at = now() where user_id = ? and quota = ? and period_start = ?`,
        [input.totalUnits, input.userId, input.quota, input.periodStart],
      );
    });
  }

  private async meteredPrice(
    em: EntityManager,
    planId: string,
    rule: OverageRule,
    interval: 'month' | 'year',
  ): Promise<{ priceId: string; eventName: string }> {
    const key = [planId, rule.quota, interval, rule.unitAmount, rule.currency];
    const [known] = await em.execute<{ provider_price_id: string; event_name: string }[]>(
      `select provider_price_id, event_name from billing.overage_prices
        where plan_id = ? and quota = ? and interval = ? and unit_amount = ? and currency = ?`,
      key,
    );
    if (known) return { priceId: known.provider_price_id, eventName: known.event_name };
    const plan = await this.catalogue.get(planId);
    if (!plan.providerProductId) throw new Error(`plan ${planId} is not synced to the payment provider`);
    const eventName = `overage_${rule.quota}`;
    const meterId = await this.provider.createMeter(
      { eventName, displayName: `Overage: ${rule.quota.replaceAll('_', ' ')}` },
      `meter:${eventName}`,
    );
    const priceId = await this.provider.createMeteredPrice(
      {
        productId: plan.providerProductId,
        meterId,
        unitAmount: rule.unitAmount,
        currency: rule.currency,
        interval,
        nickname: `${plan.name} overage: ${rule.quota}`,
      },
      `overage-price:${key.join(':')}`,
    );
    await em.execute(
      `insert into billing.overage_prices (plan_id, quota, interval, unit_amount, currency, event_name, meter_id, provider_price_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [...key, eventName, meterId, priceId],
    );
    return { priceId, eventName };
  }
}
