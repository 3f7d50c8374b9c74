import type { Subscription } from './subscription.js';

export abstract class SubscriptionRepository {
  abstract byId(id: string): Promise<Subscription | null>;
  /** Locks the row for the rest of the transaction, so two webhook jobs apply states one after the other. */
  abstract byProviderIdForUpdate(providerSubscriptionId: string): Promise<Subscription | null>;
  /** The user's subscriptions that have not ended, newest first. */
  abstract liveOf(userId: string): Promise<Subscription[]>;
  /** The subscription to show the user: the live one, else the latest. */
  abstract currentOf(userId: string): Promise<Subscription | null>;
  abstract add(subscription: Subscription): void;
}
