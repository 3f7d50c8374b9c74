import { DomainEvent } from '@lib/platform/ddd';
import type { BillingInterval } from '../plan/plan.js';
import type { SubscriptionStatus } from './subscription-status.js';

/** The subscription now gives paid access (a first payment, a trial start, or a recovery from unpaid/paused). */
export class SubscriptionActivated extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly planId: string,
    readonly interval: BillingInterval,
    readonly status: SubscriptionStatus,
  ) {
    super();
  }
}

export type SubscriptionChange = 'plan' | 'interval' | 'status' | 'cancel_at_period_end' | 'period';

export class SubscriptionChanged extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly changes: SubscriptionChange[],
    readonly previous: {
      planId: string;
      interval: BillingInterval;
      status: SubscriptionStatus;
      cancelAtPeriodEnd: boolean;
    },
  ) {
    super();
  }
}

export class SubscriptionCanceled extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly planId: string,
    readonly reason: string | null,
    readonly feedback: string | null,
    readonly comment: string | null,
  ) {
    super();
  }
}
