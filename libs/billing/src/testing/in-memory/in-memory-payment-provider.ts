import {
  PaymentProvider,
  type BillingFact,
  type ChangePreview,
  type ProrationBehavior,
  type ProviderDispute,
  type ProviderSubscription,
  type VerifiedProviderEvent,
} from '../../application/payment-provider.js';

type RefundOutcome = { providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' };
type PriceChangeCall = {
  providerSubscriptionId: string;
  providerPriceId: string;
  proration: ProrationBehavior;
  idempotencyKey: string;
};

/**
 * The payment provider's side, held in memory: the subscriptions and invoice payments it knows and the
 * calls billing made to it. It stands in for Stripe (an external system) in handler specs; the real
 * adapter is exercised end to end against the Stripe emulator.
 */
export class InMemoryPaymentProvider extends PaymentProvider {
  readonly name = 'in-memory';
  private readonly subscriptions = new Map<string, ProviderSubscription>();
  private readonly invoicePayments = new Map<string, string>();
  private readonly disputes = new Map<string, ProviderDispute>();
  private refundFailure: Error | null = null;
  private priceChangeQuote: ChangePreview = { amountDueNow: 0, currency: 'usd', lines: [] };
  readonly previewCalls: Array<Omit<PriceChangeCall, 'idempotencyKey'>> = [];
  readonly priceChangeCalls: PriceChangeCall[] = [];
  readonly refundCalls: Array<{
    input: { providerPaymentId: string; amount: number; reason: string | null; refundId: string };
    idempotencyKey: string;
  }> = [];

  /** What the provider now holds for a subscription (what a refetch returns). */
  holdsSubscription(subscription: ProviderSubscription): this {
    this.subscriptions.set(subscription.providerSubscriptionId, subscription);
    return this;
  }

  /** The provider payment (charge) that settled an invoice. */
  settledInvoice(providerInvoiceId: string, providerPaymentId: string): this {
    this.invoicePayments.set(providerInvoiceId, providerPaymentId);
    return this;
  }

  /** What the provider now holds for a dispute (what a dispute event makes billing read). */
  holdsDispute(dispute: ProviderDispute): this {
    this.disputes.set(dispute.id, dispute);
    return this;
  }

  /** The next refund calls fail with this error (a declined or unreachable provider). */
  failRefunds(error: Error): this {
    this.refundFailure = error;
    return this;
  }

  /** What the provider quotes for the next price changes (it does the proration arithmetic, not billing). */
  quotesPriceChange(quote: ChangePreview): this {
    this.priceChangeQuote = quote;
    return this;
  }

  async previewPriceChange(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
  ): Promise<ChangePreview> {
    await this.retrieveSubscription(providerSubscriptionId);
    this.previewCalls.push({ providerSubscriptionId, providerPriceId, proration });
    return structuredClone(this.priceChangeQuote);
  }

  /** Moves the subscription to the new price at once, as the provider does; the period stays. */
  async changePrice(
    providerSubscriptionId: string,
    providerPriceId: string,
    proration: ProrationBehavior,
    idempotencyKey: string,
  ): Promise<ProviderSubscription> {
    const held = await this.retrieveSubscription(providerSubscriptionId);
    this.priceChangeCalls.push({ providerSubscriptionId, providerPriceId, proration, idempotencyKey });
    const changed = { ...held, providerPriceId };
    this.subscriptions.set(providerSubscriptionId, changed);
    return changed;
  }

  async retrieveSubscription(providerSubscriptionId: string): Promise<ProviderSubscription> {
    const subscription = this.subscriptions.get(providerSubscriptionId);
    if (!subscription) throw new Error(`the provider has no subscription ${providerSubscriptionId}`);
    return subscription;
  }

  async retrieveDispute(disputeId: string): Promise<ProviderDispute> {
    const dispute = this.disputes.get(disputeId);
    if (!dispute) throw new Error(`No such dispute: ${disputeId}`);
    return { ...dispute };
  }

  async paymentOfInvoice(providerInvoiceId: string): Promise<string | null> {
    return this.invoicePayments.get(providerInvoiceId) ?? null;
  }

  async refund(
    input: { providerPaymentId: string; amount: number; reason: string | null; refundId: string },
    idempotencyKey: string,
  ): Promise<RefundOutcome> {
    this.refundCalls.push({ input, idempotencyKey });
    if (this.refundFailure) throw this.refundFailure;
    return { providerRefundId: `re_${input.refundId}`, status: 'succeeded' };
  }

  createCustomer(): Promise<string> {
    return notInMemory('createCustomer');
  }
  syncPlan(): Promise<never> {
    return notInMemory('syncPlan');
  }
  createCheckoutSession(): Promise<never> {
    return notInMemory('createCheckoutSession');
  }
  createOfferDiscount(): Promise<never> {
    return notInMemory('createOfferDiscount');
  }
  deactivatePromotionCode(): Promise<never> {
    return notInMemory('deactivatePromotionCode');
  }
  createPortalSession(): Promise<string> {
    return notInMemory('createPortalSession');
  }
  scheduleCancellation(): Promise<ProviderSubscription> {
    return notInMemory('scheduleCancellation');
  }
  cancelNow(): Promise<ProviderSubscription> {
    return notInMemory('cancelNow');
  }
  holdCollection(): Promise<ProviderSubscription> {
    return notInMemory('holdCollection');
  }
  releaseCollection(): Promise<ProviderSubscription> {
    return notInMemory('releaseCollection');
  }
  pause(): Promise<ProviderSubscription> {
    return notInMemory('pause');
  }
  resume(): Promise<ProviderSubscription> {
    return notInMemory('resume');
  }
  verifyWebhook(): VerifiedProviderEvent {
    throw new Error(
      'verifyWebhook is not part of the in-memory provider: signatures are tested against the real adapter',
    );
  }
  interpret(): BillingFact | null {
    throw new Error('interpret is not part of the in-memory provider: hand facts to the applier directly');
  }
}

async function notInMemory(call: string): Promise<never> {
  throw new Error(`${call} is not part of the in-memory provider yet`);
}
