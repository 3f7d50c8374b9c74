import type { EntitlementName, Entitlements, EntitlementValue, QuotaLimit, QuotaName } from './entitlements.js';

export interface EntitlementsView {
  userId: string;
  planId: string;
  planName: string;
  entitlements: Entitlements;
  /** When a time-limited plan (grace period, downgrade hold) lapses, and what follows. */
  validUntil: string | null;
  thenPlanId: string | null;
}

export interface UsageView {
  entitlement: QuotaName;
  limit: QuotaLimit;
  used: number;
  remaining: number | 'unlimited';
  periodStart: string | null;
  periodEnd: string | null;
}

/**
 * Billing's synchronous port for other contexts. Answers come from billing's own tables (one row per
 * user), never from the payment provider, so they are safe on any hot path.
 */
export abstract class BillingApi {
  abstract entitlementsOf(userId: string): Promise<EntitlementsView>;
  /** Whether the user's plan meets the requirement (see `@RequiresEntitlement`). */
  abstract isEntitled(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<boolean>;
  /** Throws `EntitlementRequiredError` (403, `billing.entitlement.required`) when not entitled. */
  abstract assertEntitled(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<void>;
  /**
   * For tools a plan sells (studio, API, branding): throws `PlanUpgradeRequiredError` (402,
   * `billing.plan.upgrade-required`) naming the cheapest plan that includes it.
   */
  abstract assertPlanIncludes(userId: string, entitlement: EntitlementName, required?: EntitlementValue): Promise<void>;
  /**
   * Counts `amount` against a quota in the current period, atomically. Throws `QuotaExceededError`
   * (402, `billing.quota.exceeded`) and counts nothing when it would go over the limit. With a `key`,
   * a repeated call (a retried job) counts once.
   */
  abstract consume(userId: string, quota: QuotaName, amount?: number, options?: { key?: string }): Promise<UsageView>;
  /**
   * Gives back what `consume` counted (an undone publish, a deleted library item). With a `key`, what that
   * key counted goes back to the user it was counted against, whoever `userId` is now (a transferred channel).
   */
  abstract release(userId: string, quota: QuotaName, amount?: number, options?: { key?: string }): Promise<UsageView>;
  abstract usageOf(userId: string, quota: QuotaName): Promise<UsageView>;
}
