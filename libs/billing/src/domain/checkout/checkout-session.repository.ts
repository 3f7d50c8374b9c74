import type { CheckoutSession } from './checkout-session.js';

export abstract class CheckoutSessionRepository {
  abstract byId(id: string): Promise<CheckoutSession | null>;
  abstract byProviderSubscription(providerSubscriptionId: string): Promise<CheckoutSession | null>;
  abstract add(session: CheckoutSession): void;
}
