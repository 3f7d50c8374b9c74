/**
 * The payment provider's usage-based billing (Stripe Billing Meters): a meter per billed quota, a
 * metered price per plan, quota and interval, that price as an item of the person's subscription, and
 * meter events Stripe sums into the item's line on the period's invoice. Every create is keyed.
 */
export abstract class MeteredBillingProvider {
  abstract createMeter(input: { eventName: string; displayName: string }, idempotencyKey: string): Promise<string>;
  abstract createMeteredPrice(
    input: {
      productId: string;
      meterId: string;
      unitAmount: number;
      currency: string;
      interval: 'month' | 'year';
      nickname: string;
    },
    idempotencyKey: string,
  ): Promise<string>;
  abstract addSubscriptionItem(providerSubscriptionId: string, priceId: string, idempotencyKey: string): Promise<void>;
  /** The price and amount of each line of an invoice (to find what a paid invoice billed as overage). */
  abstract invoiceLines(providerInvoiceId: string): Promise<{ priceId: string | null; amount: number }[]>;
  abstract reportUsage(input: {
    eventName: string;
    providerCustomerId: string;
    value: number;
    identifier: string;
    timestamp: Date;
  }): Promise<void>;
}
