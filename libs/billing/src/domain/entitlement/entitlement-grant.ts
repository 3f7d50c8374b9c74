import { AggregateRoot } from '@lib/platform/ddd';
import type { Access } from './access-policy.js';
import { EntitlementsChanged } from './entitlement-grant.events.js';

/**
 * The plan a user is entitled to, kept in one row per user so entitlement checks are one primary-key
 * read (never a provider call). Recomputed from the user's subscriptions whenever one changes.
 */
export class EntitlementGrant extends AggregateRoot {
  /** The user id. */
  readonly id: string;
  planId: string;
  subscriptionId: string | null = null;
  validUntil: Date | null = null;
  thenPlanId: string | null = null;
  periodStart: Date | null = null;
  periodEnd: Date | null = null;
  updatedAt: Date;

  private constructor(userId: string, planId: string) {
    super();
    this.id = userId;
    this.planId = planId;
    this.updatedAt = new Date();
  }

  static start(
    userId: string,
    access: Access,
    entitlements: Record<string, boolean | number | string>,
  ): EntitlementGrant {
    const grant = new EntitlementGrant(userId, access.planId);
    grant.copy(access);
    grant.record(new EntitlementsChanged(userId, null, access.planId, entitlements));
    return grant;
  }

  get userId(): string {
    return this.id;
  }

  /** The plan in force at `now` (a held or grace-period plan lapses by itself at `validUntil`). */
  planAt(now: Date): string {
    return this.validUntil && this.validUntil <= now && this.thenPlanId ? this.thenPlanId : this.planId;
  }

  /** Takes newly computed access; records a change when the plan in force differs. */
  refresh(access: Access, now: Date, entitlements: Record<string, boolean | number | string>): boolean {
    // Compared with the plan recorded, not the one in force: a lapse that reads already applied is still announced here.
    const before = this.planId;
    const same =
      this.planId === access.planId &&
      this.subscriptionId === access.subscriptionId &&
      this.validUntil?.getTime() === access.validUntil?.getTime() &&
      this.thenPlanId === access.thenPlanId &&
      this.periodStart?.getTime() === access.periodStart?.getTime() &&
      this.periodEnd?.getTime() === access.periodEnd?.getTime();
    if (same) return false;
    this.copy(access);
    this.updatedAt = now;
    if (before !== access.planId) this.record(new EntitlementsChanged(this.id, before, access.planId, entitlements));
    return true;
  }

  private copy(access: Access): void {
    this.planId = access.planId;
    this.subscriptionId = access.subscriptionId;
    this.validUntil = access.validUntil;
    this.thenPlanId = access.thenPlanId;
    this.periodStart = access.periodStart;
    this.periodEnd = access.periodEnd;
  }
}
