import Stripe from 'stripe';
import { MeteredBillingProvider } from '../../application/usage/metered-billing-provider.js';
import { PaymentProviderNotConfiguredError } from '../../application/payment-provider.errors.js';
import type { StripeConnection } from './stripe-payment-provider.js';

/** Billing Meters on Stripe (or the sandbox's emulator). */
export class StripeMeteredBilling extends MeteredBillingProvider {
  private readonly stripe: Stripe;

  constructor(connection: Omit<StripeConnection, 'webhookSecret' | 'webhookToleranceSeconds'>) {
    super();
    this.stripe = new Stripe(connection.secretKey, {
      host: connection.host,
      port: connection.port,
      protocol: connection.protocol,
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'Showrunner' },
    });
  }

  async createMeter(input: { eventName: string; displayName: string }, idempotencyKey: string) {
    const existing = await this.stripe.billing.meters.list({ limit: 100 });
    const found = existing.data.find((meter) => meter.event_name === input.eventName);
    if (found) return found.id;
    const meter = await this.stripe.billing.meters.create(
      {
        display_name: input.displayName,
        event_name: input.eventName,
        default_aggregation: { formula: 'sum' },
        customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
        value_settings: { event_payload_key: 'value' },
      },
      { idempotencyKey },
    );
    return meter.id;
  }

  async createMeteredPrice(
    input: {
      productId: string;
      meterId: string;
      unitAmount: number;
      currency: string;
      interval: 'month' | 'year';
      nickname: string;
    },
    idempotencyKey: string,
  ) {
    const price = await this.stripe.prices.create(
      {
        product: input.productId,
        currency: input.currency,
        unit_amount: input.unitAmount,
        nickname: input.nickname,
        recurring: { interval: input.interval, usage_type: 'metered', meter: input.meterId },
      },
      { idempotencyKey },
    );
    return price.id;
  }

  async addSubscriptionItem(providerSubscriptionId: string, priceId: string, idempotencyKey: string) {
    const subscription = await this.stripe.subscriptions.retrieve(providerSubscriptionId);
    if (subscription.items.data.some((item) => item.price.id === priceId)) return;
    await this.stripe.subscriptions.update(
      providerSubscriptionId,
      { items: [{ price: priceId }], proration_behavior: 'none' },
      { idempotencyKey },
    );
  }

  async invoiceLines(providerInvoiceId: string) {
    const invoice = await this.stripe.invoices.retrieve(providerInvoiceId);
    return invoice.lines.data.map((line) => {
      const price = line.pricing?.price_details?.price;
      return { priceId: typeof price === 'string' ? price : (price?.id ?? null), amount: line.amount };
    });
  }

  async reportUsage(input: {
    eventName: string;
    providerCustomerId: string;
    value: number;
    identifier: string;
    timestamp: Date;
  }) {
    await this.stripe.billing.meterEvents.create({
      event_name: input.eventName,
      payload: { stripe_customer_id: input.providerCustomerId, value: String(input.value) },
      identifier: input.identifier,
      timestamp: Math.floor(input.timestamp.getTime() / 1000),
    });
  }
}

export class UnavailableMeteredBilling extends MeteredBillingProvider {
  private refuse(): never {
    throw new PaymentProviderNotConfiguredError();
  }
  createMeter(): Promise<string> {
    return this.refuse();
  }
  createMeteredPrice(): Promise<string> {
    return this.refuse();
  }
  addSubscriptionItem(): Promise<void> {
    return this.refuse();
  }
  reportUsage(): Promise<void> {
    return this.refuse();
  }
  invoiceLines(): Promise<{ priceId: string | null; amount: number }[]> {
    return this.refuse();
  }
}
