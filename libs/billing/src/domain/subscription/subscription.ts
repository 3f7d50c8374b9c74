import { AggregateRoot, newId } from '@lib/platform/ddd';
import type { BillingInterval } from '../plan/plan.js';
import { discountOff, type DiscountTerms } from '../offer/offer.js';
import { monthlyRecurringAmount } from '../revenue/index.js';
import {
  SubscriptionActivated,
  SubscriptionCanceled,
  SubscriptionChanged,
  type SubscriptionChange,
} from './subscription.events.js';
import {
  PAID_ACCESS_STATUSES,
  REVENUE_STATUSES,
  TERMINAL_STATUSES,
  type SubscriptionStatus,
} from './subscription-status.js';

/** A subscription's state as the payment provider reports it, already mapped to our plans. */
export interface ProviderSubscriptionState {
  providerSubscriptionId: string;
  providerCustomerId: string;
  status: SubscriptionStatus;
  planId: string;
  interval: BillingInterval;
  providerPriceId: string;
  unitAmount: number;
  currency: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  trialEnd: Date | null;
  cancellation: { reason: string | null; feedback: string | null; comment: string | null };
  /** Whether the provider has a discount in force on the subscription now (a coupon not yet ended). */
  discounted: boolean;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'stale';

/**
 * A fan's or creator's paid subscription. Its state is the provider's (Stripe's webhooks drive it);
 * what is ours is the order in which states are accepted: never an older snapshot over a newer one,
 * never out of a terminal state, and the entitlements of a downgrade kept until the paid period ends.
 */
export class Subscription extends AggregateRoot {
  readonly id: string;
  readonly userId: string;
  readonly providerSubscriptionId: string;
  providerCustomerId: string;
  status!: SubscriptionStatus;
  planId!: string;
  interval!: BillingInterval;
  providerPriceId!: string;
  unitAmount!: number;
  currency!: string;
  currentPeriodStart!: Date;
  currentPeriodEnd!: Date;
  cancelAtPeriodEnd = false;
  canceledAt: Date | null = null;
  endedAt: Date | null = null;
  trialEnd: Date | null = null;
  cancellationReason: string | null = null;
  cancellationFeedback: string | null = null;
  cancellationComment: string | null = null;
  /** When the current past_due spell began (the grace period runs from here). */
  pastDueSince: Date | null = null;
  /** A downgraded plan keeps the previous plan's entitlements until the end of the period paid for. */
  heldPlanId: string | null = null;
  heldUntil: Date | null = null;
  /** Which content or campaign led to the purchase (checkout metadata). */
  attribution: Record<string, string> = {};
  /** The offer the subscription was bought with, if it was, and its discount terms (null for a trial offer). */
  offerId: string | null = null;
  discount: DiscountTerms | null = null;
  /** The provider's word on whether the discount is still in force (a repeating or once discount ends). */
  discounted = false;
  /** The provider time of the state last applied; older snapshots are refused. */
  stateObservedAt!: Date;
  readonly createdAt: Date;
  updatedAt: Date;

  private constructor(id: string, userId: string, providerSubscriptionId: string, providerCustomerId: string) {
    super();
    this.id = id;
    this.userId = userId;
    this.providerSubscriptionId = providerSubscriptionId;
    this.providerCustomerId = providerCustomerId;
    this.createdAt = this.updatedAt = new Date();
  }

  /** The first state seen of a subscription (from a webhook, a checkout completion or a fetch). */
  static fromProvider(
    userId: string,
    state: ProviderSubscriptionState,
    observedAt: Date,
    attribution: Record<string, string> = {},
  ): Subscription {
    const subscription = new Subscription(newId(), userId, state.providerSubscriptionId, state.providerCustomerId);
    subscription.attribution = attribution;
    subscription.copy(state, observedAt);
    if (subscription.hasPaidAccessStatus) {
      subscription.record(
        new SubscriptionActivated(subscription.id, userId, state.planId, state.interval, state.status),
      );
    }
    if (subscription.isTerminal) subscription.record(subscription.canceledEvent());
    return subscription;
  }

  get isTerminal(): boolean {
    return TERMINAL_STATUSES.includes(this.status);
  }

  get hasPaidAccessStatus(): boolean {
    return PAID_ACCESS_STATUSES.includes(this.status);
  }

  /**
   * Monthly recurring revenue in minor units, net of a discount in force: yearly prices spread over 12 months;
   * trials and pauses bring none (so an offer is never counted during a free trial).
   */
  get mrr(): number {
    if (!REVENUE_STATUSES.includes(this.status)) return 0;
    const off = this.discounted ? discountOff(this.discount, this.unitAmount, this.currency) : 0;
    return monthlyRecurringAmount(this.unitAmount - off, this.interval);
  }

  /** Notes the offer the subscription was bought with; false when it already has one (redemptions are once). */
  redeemOffer(offerId: string, terms: DiscountTerms | null): boolean {
    if (this.offerId) return false;
    this.offerId = offerId;
    this.discount = terms;
    this.updatedAt = new Date();
    return true;
  }

  /**
   * Applies a newer provider state. `planRank` orders plans so a move to a smaller plan is recognised
   * as a downgrade (whose entitlements wait for the period end).
   */
  applyProviderState(
    state: ProviderSubscriptionState,
    observedAt: Date,
    planRank: (planId: string) => number,
  ): ApplyOutcome {
    const entersTerminal = TERMINAL_STATUSES.includes(state.status);
    // A terminal state is final whatever its timestamp; anything else must not be older than what we hold.
    if (this.isTerminal) return entersTerminal ? 'unchanged' : 'stale';

    const previous = {
      planId: this.planId,
      interval: this.interval,
      status: this.status,
      cancelAtPeriodEnd: this.cancelAtPeriodEnd,
    };
    const previousPeriodEnd = this.currentPeriodEnd;
    const hadAccess = this.hasPaidAccessStatus;
    const changes: SubscriptionChange[] = [];
    if (state.planId !== this.planId) changes.push('plan');
    if (state.interval !== this.interval) changes.push('interval');
    if (state.status !== this.status) changes.push('status');
    if (state.cancelAtPeriodEnd !== this.cancelAtPeriodEnd) changes.push('cancel_at_period_end');
    if (state.currentPeriodEnd.getTime() !== this.currentPeriodEnd.getTime()) changes.push('period');
    const otherFieldsChanged =
      state.providerPriceId !== this.providerPriceId ||
      state.discounted !== this.discounted ||
      (state.cancellation.comment ?? null) !== this.cancellationComment;
    if (!changes.length && !otherFieldsChanged) {
      this.stateObservedAt = observedAt > this.stateObservedAt ? observedAt : this.stateObservedAt;
      return 'unchanged';
    }
    // A different state that is not strictly newer cannot be ordered (provider timestamps have
    // one-second resolution): the caller asks the provider for the current state instead.
    if (!entersTerminal && observedAt <= this.stateObservedAt) return 'stale';

    if (
      changes.includes('plan') &&
      hadAccess &&
      planRank(state.planId) < planRank(previous.planId) &&
      previousPeriodEnd > observedAt
    ) {
      this.heldPlanId = this.heldPlanId ?? previous.planId;
      this.heldUntil = previousPeriodEnd;
    } else if (changes.includes('plan')) {
      this.heldPlanId = null;
      this.heldUntil = null;
    }
    this.copy(state, observedAt);
    this.updatedAt = new Date();

    if (this.isTerminal) this.record(this.canceledEvent());
    else if (!hadAccess && this.hasPaidAccessStatus)
      this.record(new SubscriptionActivated(this.id, this.userId, this.planId, this.interval, this.status));
    if (changes.length) this.record(new SubscriptionChanged(this.id, this.userId, changes, previous));
    return 'applied';
  }

  /** Records the reason a customer gave when cancelling through us (kept for churn analysis). */
  noteCancellationReason(feedback: string | null, comment: string | null): void {
    this.cancellationFeedback = feedback ?? this.cancellationFeedback;
    this.cancellationComment = comment ?? this.cancellationComment;
    this.updatedAt = new Date();
  }

  private copy(state: ProviderSubscriptionState, observedAt: Date): void {
    if (state.status === 'past_due' && this.status !== 'past_due') this.pastDueSince = observedAt;
    if (state.status !== 'past_due') this.pastDueSince = null;
    this.providerCustomerId = state.providerCustomerId;
    this.status = state.status;
    this.planId = state.planId;
    this.interval = state.interval;
    this.providerPriceId = state.providerPriceId;
    this.unitAmount = state.unitAmount;
    this.currency = state.currency;
    this.currentPeriodStart = state.currentPeriodStart;
    this.currentPeriodEnd = state.currentPeriodEnd;
    this.cancelAtPeriodEnd = state.cancelAtPeriodEnd;
    this.canceledAt = state.canceledAt;
    this.endedAt = state.endedAt;
    this.trialEnd = state.trialEnd;
    this.discounted = state.discounted;
    this.cancellationReason = state.cancellation.reason ?? this.cancellationReason;
    this.cancellationFeedback = state.cancellation.feedback ?? this.cancellationFeedback;
    this.cancellationComment = state.cancellation.comment ?? this.cancellationComment;
    this.stateObservedAt = observedAt;
  }

  private canceledEvent(): SubscriptionCanceled {
    return new SubscriptionCanceled(
      this.id,
      this.userId,
      this.planId,
      this.cancellationReason,
      this.cancellationFeedback,
      this.cancellationComment,
    );
  }
}
