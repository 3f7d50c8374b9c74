import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { CheckoutSessionRepository } from '../../domain/checkout/checkout-session.repository.js';
import { CustomerRepository } from '../../domain/customer/customer.repository.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { PaymentRepository } from '../../domain/payment/payment.repository.js';
import { PlanRepository } from '../../domain/plan/plan.repository.js';
import { MrrMovementRecord } from '../../domain/subscription/mrr-movement.js';
import { MrrMovementRepository } from '../../domain/subscription/mrr-movement.repository.js';
import { Subscription, type ProviderSubscriptionState } from '../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { EntitlementRefresher } from '../entitlements/entitlement-refresher.js';
import { PaymentProvider, type BillingFact, type ProviderSubscription } from '../payment-provider.js';
import { PlanCatalogue } from '../plan-catalogue.js';
import { UnresolvedReferenceError } from '../../domain/webhook/webhook-event.errors.js';
import { OfferRepository } from '../../domain/offer/offer.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys of checkout metadata that describe what led to a purchase (kept as attribution). */
const ATTRIBUTION_PREFIX = 'attr_';

/**
 * Applies what a provider event means to billing's state, inside the caller's transaction. Every
 * effect is idempotent and order-tolerant: states are compared, never replayed blindly.
 */
@Injectable()
export class BillingFactApplier {
  private readonly logger = new Logger(BillingFactApplier.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly customers: CustomerRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlanRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly payments: PaymentRepository,
    private readonly checkouts: CheckoutSessionRepository,
    private readonly movements: MrrMovementRepository,
    private readonly entitlements: EntitlementRefresher,
    private readonly config: AppConfig,
    private readonly offers: OfferRepository,
  ) {}

  /** Returns a short outcome for the webhook log (`applied`, `stale-refetched`, …). */
  async apply(fact: BillingFact, eventCreatedAt: Date): Promise<string> {
    switch (fact.kind) {
      case 'subscription':
        return (await this.applySubscription(fact.subscription, eventCreatedAt, true)).outcome;
      case 'checkout-completed':
        return this.completeCheckout(fact);
      case 'checkout-expired': {
        const session = await this.checkouts.byId(fact.sessionId);
        session?.expire();
        return session ? 'expired' : 'unknown-session';
      }
      case 'invoice':
        return this.applyInvoice(fact.invoice, fact.paymentFailed);
      case 'charge-refunded':
        return this.applyRefundedTotal(fact.providerPaymentId, fact.amountRefunded, fact.providerRefundId);
      case 'dispute':
        return this.applyDispute(fact.providerPaymentId, fact.disputeId);
    }
  }

  /**
   * Applies a provider subscription state. A snapshot older than the one held is not dropped
   * blindly: the current state is fetched from the provider and applied instead, so the final state
   * always equals the provider's.
   */
  async applySubscription(
    providerState: ProviderSubscription,
    observedAt: Date,
    mayRefetch: boolean,
  ): Promise<{ subscription: Subscription; outcome: string }> {
    const userId = await this.userOf(providerState.providerCustomerId, providerState.metadata.userId);
    const state = await this.toState(providerState);
    const rank = await this.catalogue.ranker();
    const existing = await this.subscriptions.byProviderIdForUpdate(providerState.providerSubscriptionId);
    if (!existing) {
      const checkout = await this.checkouts.byProviderSubscription(providerState.providerSubscriptionId);
      const subscription = Subscription.fromProvider(userId, state, observedAt, {
        ...attributionOf(providerState.metadata),
        ...checkout?.attribution,
      });
      this.subscriptions.add(subscription);
      await this.redeemOffer(subscription, providerState.metadata.offerId, observedAt);
      await this.recordMovement(subscription, 0);
      await this.entitlements.refresh(userId);
      return { subscription, outcome: 'created' };
    }
    const mrrBefore = existing.mrr;
    let outcome: string = existing.applyProviderState(state, observedAt, rank);
    if (outcome === 'stale' && mayRefetch) {
      const current = await this.provider.retrieveSubscription(providerState.providerSubscriptionId);
      outcome = `stale-refetched:${existing.applyProviderState(await this.toState(current), new Date(), rank)}`;
    }
    await this.redeemOffer(existing, providerState.metadata.offerId, observedAt);
    await this.recordMovement(existing, mrrBefore);
    await this.entitlements.refresh(existing.userId);
    return { subscription: existing, outcome };
  }

  private async completeCheckout(fact: Extract<BillingFact, { kind: 'checkout-completed' }>): Promise<string> {
    const session = await this.checkouts.byId(fact.sessionId);
    const userId = session?.userId ?? (fact.userId && UUID.test(fact.userId) ? fact.userId : null);
    if (!userId) throw new UnresolvedReferenceError('customer', fact.providerCustomerId);
    await this.customers.link(userId, fact.providerCustomerId);
    session?.complete(fact.providerSubscriptionId);
    if (!fact.providerSubscriptionId) return 'completed';
    // The subscription's own events may not have arrived yet: fetch it rather than wait for them.
    const known = await this.subscriptions.byProviderIdForUpdate(fact.providerSubscriptionId);
    // A code typed on the payment page is known from the session only (no offerId in the subscription's metadata).
    const entered = fact.metadata.offerId ? null : (fact.enteredOfferId ?? null);
    if (known) {
      if (entered && !known.offerId) {
        const mrrBefore = known.mrr;
        await this.redeemOffer(known, entered, new Date());
        await this.recordMovement(known, mrrBefore);
        return 'completed-offer-redeemed';
      }
      return 'completed';
    }
    const current = await this.provider.retrieveSubscription(fact.providerSubscriptionId);
    const withOffer = entered ? { ...current, metadata: { ...current.metadata, offerId: entered } } : current;
    await this.applySubscription(withOffer, new Date(), false);
    return 'completed-reconciled';
  }

  private async applyInvoice(
    state: Parameters<typeof Invoice.fromProvider>[2],
    paymentFailed: boolean,
  ): Promise<string> {
    const userId = await this.userOf(state.providerCustomerId);
    let subscription: Subscription | null = null;
    if (state.providerSubscriptionId) {
      subscription = await this.subscriptions.byProviderIdForUpdate(state.providerSubscriptionId);
      if (!subscription) {
        const current = await this.provider.retrieveSubscription(state.providerSubscriptionId);
        subscription = (await this.applySubscription(current, new Date(), false)).subscription;
      }
    }
    let invoice = await this.payments.invoiceByProviderId(state.providerInvoiceId);
    let outcome = 'applied';
    if (!invoice) {
      invoice = Invoice.fromProvider(userId, subscription?.id ?? null, state);
      this.payments.add(invoice);
    } else if (!invoice.applyProviderState(state, subscription?.id ?? null)) {
      outcome = 'unchanged';
    }
    if (invoice.status === 'paid' && invoice.amountPaid > 0 && !(await this.payments.paymentByInvoice(invoice.id))) {
      const providerPaymentId = await this.provider.paymentOfInvoice(invoice.providerInvoiceId);
      this.payments.add(
        Payment.received({
          userId,
          invoiceId: invoice.id,
          subscriptionId: invoice.subscriptionId,
          providerPaymentId,
          amount: invoice.amountPaid,
          currency: invoice.currency,
          paidAt: invoice.paidAt ?? new Date(),
          planId: subscription?.planId ?? null,
          billingReason: invoice.billingReason,
        }),
      );
      outcome = 'paid';
    }
    if (paymentFailed) {
      // The subscription may not be past_due yet (its own event can come later): the grace period starts now at the latest.
      const graceFrom = subscription?.pastDueSince ?? new Date();
      const accessUntil = subscription
        ? new Date(graceFrom.getTime() + this.config.billing.graceDays * 86_400_000)
        : null;
      if (invoice.reportPaymentFailure(Math.max(1, state.attemptCount), state.nextPaymentAttempt, accessUntil))
        outcome = 'payment-failed';
    }
    return outcome;
  }

  /** Opened or closed, the dispute is read as it is now: duplicates and a closed-before-created order converge. */
  private async applyDispute(providerPaymentId: string, disputeId: string): Promise<string> {
    const payment = await this.payments.paymentByProviderId(providerPaymentId);
    if (!payment) throw new UnresolvedReferenceError('payment', providerPaymentId);
    const dispute = await this.provider.retrieveDispute(disputeId);
    if (!payment.applyDispute({ ...dispute, openedAt: dispute.createdAt })) return 'unchanged';
    this.logger.warn(
      { paymentId: payment.id, disputeId, reason: dispute.reason, outcome: dispute.outcome },
      'payment dispute',
    );
    return `dispute-${dispute.outcome}`;
  }

  private async applyRefundedTotal(
    providerPaymentId: string,
    amountRefunded: number,
    providerRefundId: string | null,
  ): Promise<string> {
    const payment = await this.payments.paymentByProviderId(providerPaymentId);
    if (!payment) throw new UnresolvedReferenceError('payment', providerPaymentId);
    if (providerRefundId && (await this.payments.refundByProviderId(providerRefundId))) return 'known-refund';
    const refund = payment.reconcileRefundedTotal(amountRefunded, providerRefundId);
    if (!refund) return 'unchanged';
    refund.succeed(
      providerRefundId ?? `external:${providerPaymentId}:${amountRefunded}`,
      await this.payments.nextCreditNoteNumber(),
    );
    this.payments.add(refund);
    return 'external-refund';
  }

  /** Our user behind a provider customer: a stored link, else the user id the customer's objects carry. */
  private async userOf(providerCustomerId: string, metadataUserId?: string): Promise<string> {
    const customer = await this.customers.byProviderId(providerCustomerId);
    if (customer) return customer.userId;
    if (metadataUserId && UUID.test(metadataUserId))
      return (await this.customers.link(metadataUserId, providerCustomerId)).userId;
    throw new UnresolvedReferenceError('customer', providerCustomerId);
  }

  private async toState(subscription: ProviderSubscription): Promise<ProviderSubscriptionState> {
    const price = await this.plans.priceByProviderId(subscription.providerPriceId);
    const planId = price?.planId ?? subscription.priceHint.planId;
    if (!planId || !(await this.plans.byId(planId)))
      throw new UnresolvedReferenceError('price', subscription.providerPriceId);
    return {
      providerSubscriptionId: subscription.providerSubscriptionId,
      providerCustomerId: subscription.providerCustomerId,
      status: subscription.status,
      planId,
      interval: price?.interval ?? subscription.priceHint.interval,
      providerPriceId: subscription.providerPriceId,
      unitAmount: price?.amount ?? subscription.priceHint.unitAmount,
      currency: price?.currency ?? subscription.priceHint.currency,
      currentPeriodStart: subscription.currentPeriodStart,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      canceledAt: subscription.canceledAt,
      endedAt: subscription.endedAt,
      trialEnd: subscription.trialEnd,
      cancellation: subscription.cancellation,
      discounted: subscription.discountIds.length > 0,
    };
  }

  /**
   * The offer a checkout carried (subscription metadata `offerId`): its discount terms go on the subscription (its
   * MRR is net of them while the provider keeps the discount) and one redemption is recorded per subscription,
   * whichever event brings the subscription first and however often it comes.
   */
  private async redeemOffer(subscription: Subscription, offerId: string | undefined, at: Date): Promise<void> {
    if (!offerId || subscription.offerId || !UUID.test(offerId)) return;
    const offer = await this.offers.byId(offerId);
    if (!offer) {
      this.logger.warn({ offerId, subscriptionId: subscription.id }, 'subscription names an unknown offer');
      return;
    }
    subscription.redeemOffer(offer.id, offer.discountTerms);
    await this.offers.recordRedemption({
      offerId: offer.id,
      subscriptionId: subscription.id,
      userId: subscription.userId,
      planId: subscription.planId,
      redeemedAt: at,
    });
  }

  private async recordMovement(subscription: Subscription, mrrBefore: number): Promise<void> {
    if (subscription.mrr === mrrBefore) return;
    // Only a rise from 0 needs the history: it is a reactivation if the subscription ever paid before.
    const hadRevenueBefore =
      mrrBefore > 0 || (subscription.mrr > 0 && (await this.movements.hadRevenue(subscription.id)));
    this.movements.add(
      new MrrMovementRecord(
        subscription.id,
        subscription.userId,
        subscription.planId,
        subscription.currency,
        new Date(),
        mrrBefore,
        subscription.mrr,
        hadRevenueBefore,
      ),
    );
  }
}

function attributionOf(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(metadata)
      .filter(([key]) => key.startsWith(ATTRIBUTION_PREFIX))
      .map(([key, value]) => [key.slice(ATTRIBUTION_PREFIX.length), value]),
  );
}
