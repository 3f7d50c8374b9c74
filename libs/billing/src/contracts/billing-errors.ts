import { DomainError } from '@lib/platform/ddd';

/** A plan that lifts a limit: what a client shows next to an upgrade button. */
export interface UpgradeOption {
  planId: string;
  name: string;
  value: boolean | number | string;
}

/** The caller's plan does not include a feature. */
export class EntitlementRequiredError extends DomainError {
  readonly code = 'billing.entitlement.required';
  readonly kind = 'forbidden';
  constructor(details: {
    entitlement: string;
    required: boolean | number | string;
    current: boolean | number | string;
    planId: string;
    upgradeTo: UpgradeOption[];
  }) {
    super(
      `Your plan does not include ${details.entitlement}${typeof details.required === 'string' ? ` (${details.required})` : ''}`,
      details,
    );
  }
}

/**
 * The caller's plan (or, in studio, the channel owner's) lacks a tool it pays for: studio, API,
 * branding. 402 because an upgrade lifts it; `cheapestPlan` is the smallest plan that does.
 */
export class PlanUpgradeRequiredError extends DomainError {
  readonly code = 'billing.plan.upgrade-required';
  readonly kind = 'payment-required';
  constructor(details: {
    entitlement: string;
    required: boolean | number | string;
    current: boolean | number | string;
    planId: string;
    cheapestPlan: UpgradeOption | null;
    upgradeTo: UpgradeOption[];
  }) {
    super(
      `This needs ${details.entitlement.replaceAll('_', ' ')}${details.cheapestPlan ? `, included from the ${details.cheapestPlan.name} plan` : ', which no plan on sale includes'}`,
      details,
    );
  }
}

/** A quota is used up for this period. */
export class QuotaExceededError extends DomainError {
  readonly code = 'billing.quota.exceeded';
  readonly kind = 'payment-required';
  constructor(details: {
    entitlement: string;
    limit: number;
    used: number;
    requested: number;
    planId: string;
    periodEnd: string | null;
    upgradeTo: UpgradeOption[];
    /** The cheapest plan that lifts the limit (the first of `upgradeTo`), or null when none does. */
    liftedBy?: UpgradeOption | null;
  }) {
    super(`You have used ${details.used} of ${details.limit} ${details.entitlement.replaceAll('_', ' ')}`, details);
  }
}
