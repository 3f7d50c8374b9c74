import type { BillingInterval } from './plan.js';

/**
 * A price as the payment provider knows it. Provider prices are immutable, so a changed amount is a
 * new row and the old one stays (inactive) to recognise the subscribers still paying it.
 */
export class ProviderPrice {
  constructor(
    readonly providerPriceId: string,
    readonly planId: string,
    readonly interval: BillingInterval,
    readonly amount: number,
    readonly currency: string,
    public active: boolean,
    readonly createdAt: Date = new Date(),
  ) {}
}
