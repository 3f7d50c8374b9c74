/** A sanction's hold on an account's billing: collection paused while the account is suspended or banned. */
export interface AccountBillingHoldView {
  userId: string;
  /** The sanctions holding it (`suspension`, `ban`). */
  sanctions: string[];
  heldSince: string;
  /** Billing's subscriptions paused by the hold; resumed when the last sanction is lifted. */
  pausedSubscriptionIds: string[];
}

/**
 * Billing's port for whether an account's charges are paused by a trust & safety sanction. Billing
 * applies holds itself, from `trust-safety.account-sanction-changed.v1`.
 */
export abstract class AccountBillingHold {
  abstract holdOf(userId: string): Promise<AccountBillingHoldView | null>;
}
