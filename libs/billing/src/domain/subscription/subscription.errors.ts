import { DomainError } from '@lib/platform/ddd';

export class NoSubscriptionError extends DomainError {
  readonly code = 'billing.subscription.none';
  readonly kind = 'not-found';
  constructor() {
    super('You have no paid subscription');
  }
}

export class SubscriptionAlreadyActiveError extends DomainError {
  readonly code = 'billing.subscription.already-active';
  readonly kind = 'conflict';
  constructor(planId: string) {
    super(`You already subscribe to "${planId}"; change the plan instead of buying a second subscription`, { planId });
  }
}

export class SubscriptionStateError extends DomainError {
  readonly code = 'billing.subscription.invalid-state';
  readonly kind = 'conflict';
  constructor(action: string, status: string) {
    super(`A ${status} subscription cannot be ${action}`, { action, status });
  }
}

export class SamePlanError extends DomainError {
  readonly code = 'billing.subscription.same-plan';
  readonly kind = 'conflict';
  constructor() {
    super('The subscription is already on this plan and interval');
  }
}
