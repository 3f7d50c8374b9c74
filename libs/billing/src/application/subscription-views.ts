import type { Subscription } from '../domain/subscription/subscription.js';

export interface SubscriptionView {
  id: string;
  planId: string;
  interval: string;
  status: string;
  amount: number;
  currency: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
  endedAt: string | null;
  trialEnd: string | null;
  cancellation: { feedback: string | null; comment: string | null } | null;
  /** A downgrade keeps the previous plan until this time. */
  pendingDowngrade: { keepsPlanId: string; until: string } | null;
  pastDueSince: string | null;
}

export function toSubscriptionView(subscription: Subscription): SubscriptionView {
  return {
    id: subscription.id,
    planId: subscription.planId,
    interval: subscription.interval,
    status: subscription.status,
    amount: subscription.unitAmount,
    currency: subscription.currency,
    currentPeriodStart: subscription.currentPeriodStart.toISOString(),
    currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    canceledAt: subscription.canceledAt?.toISOString() ?? null,
    endedAt: subscription.endedAt?.toISOString() ?? null,
    trialEnd: subscription.trialEnd?.toISOString() ?? null,
    cancellation:
      subscription.cancellationFeedback || subscription.cancellationComment
        ? { feedback: subscription.cancellationFeedback, comment: subscription.cancellationComment }
        : null,
    pendingDowngrade:
      subscription.heldPlanId && subscription.heldUntil && subscription.heldUntil > new Date()
        ? { keepsPlanId: subscription.heldPlanId, until: subscription.heldUntil.toISOString() }
        : null,
    pastDueSince: subscription.pastDueSince?.toISOString() ?? null,
  };
}
