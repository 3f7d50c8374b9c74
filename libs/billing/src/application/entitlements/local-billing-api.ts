import { Injectable, Optional } from '@nestjs/common';
import { BillingApi, type EntitlementsView, type UsageView } from '../../contracts/billing.api.js';
import {
  EntitlementRequiredError,
  PlanUpgradeRequiredError,
  QuotaExceededError,
  type UpgradeOption,
} from '../../contracts/billing-errors.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import type { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { LIFETIME_PERIOD, usagePeriod } from '../../domain/entitlement/usage-period.js';
import {
  ENTITLEMENTS,
  satisfies,
  type EntitlementName,
  type EntitlementValue,
  type QuotaName,
} from '../../domain/plan/entitlements.js';
import type { Plan } from '../../domain/plan/plan.js';
import { InvalidPlanError } from '../../domain/plan/plan.errors.js';
import { PlanCatalogue } from '../plan-catalogue.js';
import { UsageCounters, type UsagePeriod } from './usage-counters.js';
import { overageRuleOf } from '../../domain/usage/overage.js';
import { NoUsageObserver, UsageObserver } from '../usage/usage-observer.js';

/**
 * `BillingApi` answered from billing's own tables: one primary-key read of the user's grant plus the
 * cached plan catalogue. Users without a grant row (never subscribed) are on Free.
 */
@Injectable()
export class LocalBillingApi extends BillingApi {
  constructor(
    private readonly grants: EntitlementRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly usage: UsageCounters,
    @Optional() private readonly observer: UsageObserver = new NoUsageObserver(),
  ) {
    super();
  }

  async entitlementsOf(userId: string): Promise<EntitlementsView> {
    const { plan, grant } = await this.planOf(userId, new Date());
    const timeLimited = grant?.validUntil && grant.validUntil > new Date();
    return {
      userId,
      planId: plan.id,
      planName: plan.name,
      entitlements: { ...plan.entitlements },
      validUntil: timeLimited ? grant.validUntil!.toISOString() : null,
      thenPlanId: timeLimited ? grant.thenPlanId : null,
    };
  }

  async isEntitled(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<boolean> {
    const { plan } = await this.planOf(userId, new Date());
    return satisfies(entitlement, plan.entitlements[entitlement], required);
  }

  async assertEntitled(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<void> {
    const { plan } = await this.planOf(userId, new Date());
    const current = plan.entitlements[entitlement];
    if (satisfies(entitlement, current, required)) return;
    const upgradeTo = await this.catalogue.upgradesFor(entitlement, current, (value) =>
      satisfies(entitlement, value, required),
    );
    throw new EntitlementRequiredError({
      entitlement,
      required: required ?? true,
      current,
      planId: plan.id,
      upgradeTo,
    });
  }

  async assertPlanIncludes(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<void> {
    const { plan } = await this.planOf(userId, new Date());
    const current = plan.entitlements[entitlement];
    if (satisfies(entitlement, current, required)) return;
    const [upgradeTo, rank] = await Promise.all([
      this.catalogue.upgradesFor(entitlement, current, (value) => satisfies(entitlement, value, required)),
      this.catalogue.ranker(),
    ]);
    upgradeTo.sort((a, b) => rank(a.planId) - rank(b.planId));
    throw new PlanUpgradeRequiredError({
      entitlement,
      required: required ?? true,
      current,
      planId: plan.id,
      cheapestPlan: upgradeTo[0] ?? null,
      upgradeTo,
    });
  }

  async consume(userId: string, quota: QuotaName, amount = 1, options: { key?: string } = {}): Promise<UsageView> {
    assertQuota(quota, amount);
    const now = new Date();
    const { plan, grant } = await this.planOf(userId, now);
    const limit = plan.entitlements[quota] as number | 'unlimited';
    const period = this.periodOf(quota, grant, now);
    // A plan that bills overage on this quota counts past the limit instead of refusing.
    const overage = overageRuleOf(plan.id, quota);
    const result = await this.usage.consume({
      userId,
      quota,
      period,
      amount,
      limit: limit === 'unlimited' || overage ? null : limit,
      key: options.key,
    });
    if (!result.accepted) {
      const upgradeTo = await this.catalogue.upgradesFor(
        quota,
        limit,
        (value) => value === 'unlimited' || (value as number) >= result.used + amount,
      );
      throw new QuotaExceededError({
        entitlement: quota,
        limit: limit as number,
        used: result.used,
        requested: amount,
        planId: plan.id,
        periodEnd: ENTITLEMENTS[quota].resets === 'period' ? period.end.toISOString() : null,
        upgradeTo,
        liftedBy: await this.cheapestAbove(plan, upgradeTo),
      });
    }
    await this.observer.consumed({
      userId,
      planId: plan.id,
      quota,
      limit,
      used: result.used,
      period,
      periodic: ENTITLEMENTS[quota].resets === 'period',
      alertPeriod: usagePeriod(now, grant),
      overage,
    });
    return view(quota, limit, result.used, period);
  }

  async release(userId: string, quota: QuotaName, amount = 1, options: { key?: string } = {}): Promise<UsageView> {
    assertQuota(quota, amount);
    const now = new Date();
    const { plan, grant } = await this.planOf(userId, now);
    const period = this.periodOf(quota, grant, now);
    const used = await this.usage.release({ userId, quota, period, amount, key: options.key });
    return view(quota, plan.entitlements[quota] as number | 'unlimited', used, period);
  }

  async usageOf(userId: string, quota: QuotaName): Promise<UsageView> {
    assertQuota(quota, 1);
    const now = new Date();
    const { plan, grant } = await this.planOf(userId, now);
    const period = this.periodOf(quota, grant, now);
    return view(
      quota,
      plan.entitlements[quota] as number | 'unlimited',
      await this.usage.used(userId, quota, period),
      period,
    );
  }

  /** The catalogue lists plans by rank: the first above the current plan that lifts the limit is the cheapest upgrade. */
  private async cheapestAbove(plan: Plan, options: UpgradeOption[]): Promise<UpgradeOption | null> {
    const ranks = new Map((await this.catalogue.all()).map((candidate) => [candidate.id, candidate.rank]));
    return options.find((option) => (ranks.get(option.planId) ?? 0) > plan.rank) ?? options[0] ?? null;
  }

  private async planOf(userId: string, now: Date): Promise<{ plan: Plan; grant: EntitlementGrant | null }> {
    const grant = await this.grants.byUser(userId);
    const plan = grant
      ? await this.catalogue.get(grant.planAt(now)).catch(() => this.catalogue.free())
      : await this.catalogue.free();
    return { plan, grant };
  }

  private periodOf(quota: QuotaName, grant: EntitlementGrant | null, now: Date): UsagePeriod {
    return ENTITLEMENTS[quota].resets === 'never' ? LIFETIME_PERIOD : usagePeriod(now, grant);
  }
}

function assertQuota(quota: string, amount: number): void {
  if (!Object.hasOwn(ENTITLEMENTS, quota) || ENTITLEMENTS[quota as EntitlementName].type !== 'quota') {
    throw new InvalidPlanError(`"${quota}" is not a quota`);
  }
  if (!Number.isInteger(amount) || amount < 1)
    throw new InvalidPlanError('A usage amount must be a positive whole number');
}

function view(quota: QuotaName, limit: number | 'unlimited', used: number, period: UsagePeriod): UsageView {
  const lifetime = ENTITLEMENTS[quota].resets === 'never';
  return {
    entitlement: quota,
    limit,
    used,
    remaining: limit === 'unlimited' ? 'unlimited' : Math.max(0, limit - used),
    periodStart: lifetime ? null : period.start.toISOString(),
    periodEnd: lifetime ? null : period.end.toISOString(),
  };
}
