import type { BillingInterval } from '../plan/plan.js';

/** A checkout we started: who, which plan, and what led to it (until the provider reports the outcome). */
export class CheckoutSession {
  status: 'open' | 'complete' | 'expired' = 'open';
  providerSubscriptionId: string | null = null;
  completedAt: Date | null = null;
  readonly createdAt: Date = new Date();

  constructor(
    /** The provider's session id. */
    readonly id: string,
    readonly userId: string,
    readonly planId: string,
    readonly interval: BillingInterval,
    readonly attribution: Record<string, string>,
  ) {}

  complete(providerSubscriptionId: string | null, at = new Date()): void {
    if (this.status === 'complete') return;
    this.status = 'complete';
    this.providerSubscriptionId = providerSubscriptionId;
    this.completedAt = at;
  }

  expire(): void {
    if (this.status === 'open') this.status = 'expired';
  }
}
