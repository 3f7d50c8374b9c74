/** The states a subscription has at the payment provider (Stripe's names). */
export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** States a subscription never leaves (the provider makes a new subscription instead). */
export const TERMINAL_STATUSES: readonly SubscriptionStatus[] = ['canceled', 'incomplete_expired'];

/** States that give the plan's entitlements (past_due only during the grace period). */
export const PAID_ACCESS_STATUSES: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due'];

/** States that count in monthly recurring revenue: trials and paused subscriptions bring none. */
export const REVENUE_STATUSES: readonly SubscriptionStatus[] = ['active', 'past_due'];

export function isSubscriptionStatus(value: string): value is SubscriptionStatus {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);
}
