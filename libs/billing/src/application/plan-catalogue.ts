import { Injectable } from '@nestjs/common';
import { FREE_PLAN_ID } from '../domain/plan/default-catalogue.js';
import { compareValues, type EntitlementName, type EntitlementValue } from '../domain/plan/entitlements.js';
import type { Plan } from '../domain/plan/plan.js';
import { PlanRepository } from '../domain/plan/plan.repository.js';
import { PlanNotFoundError } from '../domain/plan/plan.errors.js';
import type { UpgradeOption } from '../contracts/billing-errors.js';

const TTL_MS = 10_000;

/**
 * The plans, cached for a few seconds: entitlement checks read them on every gated request, and
 * plans change a few times a year (another process sees an edit within TTL_MS).
 */
@Injectable()
export class PlanCatalogue {
  private cached?: { plans: Map<string, Plan>; at: number };

  constructor(private readonly plans: PlanRepository) {}

  async all(): Promise<Plan[]> {
    return [...(await this.load()).values()].sort((a, b) => a.rank - b.rank);
  }

  async get(planId: string): Promise<Plan> {
    const plan = (await this.load()).get(planId);
    if (!plan) throw new PlanNotFoundError(planId);
    return plan;
  }

  async free(): Promise<Plan> {
    return this.get(FREE_PLAN_ID);
  }

  /** A plan's height; unknown plans rank lowest. */
  async ranker(): Promise<(planId: string) => number> {
    const plans = await this.load();
    return (planId) => plans.get(planId)?.rank ?? -1;
  }

  /** Plans on sale that give more of an entitlement than `current` (and meet `required`, if given). */
  async upgradesFor(
    entitlement: EntitlementName,
    current: EntitlementValue,
    accept: (value: EntitlementValue) => boolean,
  ): Promise<UpgradeOption[]> {
    return (await this.all())
      .filter(
        (plan) =>
          !plan.isArchived &&
          compareValues(entitlement, plan.entitlements[entitlement], current) > 0 &&
          accept(plan.entitlements[entitlement]),
      )
      .map((plan) => ({ planId: plan.id, name: plan.name, value: plan.entitlements[entitlement] }));
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(): Promise<Map<string, Plan>> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.plans;
    const plans = new Map((await this.plans.all()).map((plan) => [plan.id, plan]));
    this.cached = { plans, at: Date.now() };
    return plans;
  }
}
