import { DomainError } from '@lib/platform/ddd';

export class PlanNotFoundError extends DomainError {
  readonly code = 'billing.plan.not-found';
  readonly kind = 'not-found';
  constructor(planId: string) {
    super(`There is no plan "${planId}"`, { planId });
  }
}

export class PlanArchivedError extends DomainError {
  readonly code = 'billing.plan.archived';
  readonly kind = 'conflict';
  constructor(planId: string) {
    super(`The plan "${planId}" is archived: existing subscribers keep it, but it can no longer be bought`, { planId });
  }
}

export class PlanNotForSaleError extends DomainError {
  readonly code = 'billing.plan.not-for-sale';
  readonly kind = 'conflict';
  constructor(planId: string, interval: string) {
    super(`The plan "${planId}" has no ${interval}ly price to buy`, { planId, interval });
  }
}

export class PlanNotSyncedError extends DomainError {
  readonly code = 'billing.plan.not-synced';
  readonly kind = 'conflict';
  constructor(planId: string) {
    super(`The plan "${planId}" is not yet set up with the payment provider; an operator must run billing:sync-plans`, {
      planId,
    });
  }
}

export class InvalidPlanError extends DomainError {
  readonly code = 'billing.plan.invalid';
  readonly kind = 'invalid';
}
