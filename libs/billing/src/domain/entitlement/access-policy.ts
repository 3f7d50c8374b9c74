import { FREE_PLAN_ID } from '../plan/default-catalogue.js';
import type { Subscription } from '../subscription/subscription.js';

/** The plan a user is entitled to now, and — when that is time-limited — until when and what follows. */
export interface Access {
  planId: string;
  subscriptionId: string | null;
  validUntil: Date | null;
  thenPlanId: string | null;
  /** The usage period quotas count in (the subscription's billing period; calendar months on Free). */
  periodStart: Date | null;
  periodEnd: Date | null;
}

export const FREE_ACCESS: Access = {
  planId: FREE_PLAN_ID,
  subscriptionId: null,
  validUntil: null,
  thenPlanId: null,
  periodStart: null,
  periodEnd: null,
};

/**
 * Which plan a subscription entitles its owner to at `now`:
 * - trialing and active: the plan (or, after a downgrade, the previous plan until the paid period ends);
 * - past_due: the plan during the grace period, then Free;
 * - incomplete, unpaid, paused, canceled: Free.
 */
export function accessFromSubscription(subscription: Subscription, now: Date, graceDays: number): Access {
  const period = { periodStart: subscription.currentPeriodStart, periodEnd: subscription.currentPeriodEnd };
  const base = { ...period, subscriptionId: subscription.id };
  switch (subscription.status) {
    case 'trialing':
    case 'active':
      if (subscription.heldPlanId && subscription.heldUntil && subscription.heldUntil > now) {
        return {
          ...base,
          planId: subscription.heldPlanId,
          validUntil: subscription.heldUntil,
          thenPlanId: subscription.planId,
        };
      }
      return { ...base, planId: subscription.planId, validUntil: null, thenPlanId: null };
    case 'past_due': {
      const graceEnds = new Date((subscription.pastDueSince ?? now).getTime() + graceDays * 86_400_000);
      if (graceEnds <= now) return FREE_ACCESS;
      return { ...base, planId: subscription.planId, validUntil: graceEnds, thenPlanId: FREE_PLAN_ID };
    }
    default:
      return FREE_ACCESS;
  }
}

/** The best access among a user's subscriptions (normally there is one live subscription). */
export function bestAccess(
  subscriptions: Subscription[],
  now: Date,
  graceDays: number,
  planRank: (planId: string) => number,
): Access {
  return subscriptions
    .map((subscription) => accessFromSubscription(subscription, now, graceDays))
    .reduce((best, access) => (planRank(access.planId) > planRank(best.planId) ? access : best), FREE_ACCESS);
}
