import { Injectable, Logger } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { AccountSanctionChangedV1 } from '@lib/trust-safety/contracts';
import { AccountHoldRepository, HOLDING_SANCTIONS, type HoldingSanction } from '../../domain/hold/account-hold.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { PaymentProvider } from '../payment-provider.js';
import { BillingFactApplier } from '../webhooks/billing-fact-applier.js';

/**
 * A suspended or banned account is not charged: its active subscriptions are paused at the provider
 * (no invoices while paused); trialing and past-due ones, which Stripe cannot pause, have their payment
 * collection held (new invoices voided, open ones no longer retried). Both are undone when the last
 * such sanction is lifted, for the subscriptions the hold touched only; one the customer paused stays
 * paused. Idempotency keys make redeliveries safe.
 */
/** Statuses whose collection is held rather than the subscription paused. */
const COLLECTION_HELD: readonly string[] = ['trialing', 'past_due'];

@Injectable()
@IntegrationEventConsumer({ name: 'billing.hold-on-account-sanction', on: [AccountSanctionChangedV1] })
export class HoldBillingOnAccountSanction implements EventConsumer<AccountSanctionChangedV1> {
  private readonly logger = new Logger(HoldBillingOnAccountSanction.name);

  constructor(
    private readonly holds: AccountHoldRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly provider: PaymentProvider,
    private readonly applier: BillingFactApplier,
  ) {}

  async handle({ event }: ConsumerContext<AccountSanctionChangedV1>): Promise<void> {
    if (!(HOLDING_SANCTIONS as readonly string[]).includes(event.sanction)) return;
    const sanction = event.sanction as HoldingSanction;
    if (event.change === 'imposed') await this.hold(event.userId, sanction, new Date(event.changedAt));
    else await this.release(event.userId, sanction, event.changedAt);
  }

  private async hold(userId: string, sanction: HoldingSanction, at: Date): Promise<void> {
    await this.holds.place(userId, sanction, at);
    for (const subscription of await this.subscriptions.liveOf(userId)) {
      const key = `hold:${subscription.id}:${at.toISOString()}`;
      let state;
      if (subscription.status === 'active') state = await this.provider.pause(subscription.providerSubscriptionId, key);
      // Stripe pauses only active subscriptions: a trial runs on (its first invoice voided if it ends while held).
      else if (COLLECTION_HELD.includes(subscription.status))
        state = await this.provider.holdCollection(subscription.providerSubscriptionId, key);
      else continue;
      await this.applier.applySubscription(state, new Date(), false);
      await this.holds.notePaused(userId, sanction, subscription.id);
    }
  }

  private async release(userId: string, sanction: HoldingSanction, changedAt: string): Promise<void> {
    const { toResume } = await this.holds.release(userId, sanction);
    for (const id of toResume) {
      const subscription = await this.subscriptions.byId(id);
      if (!subscription) continue;
      const key = `unhold:${id}:${changedAt}`;
      let state;
      if (subscription.status === 'paused')
        state = await this.provider.resume(subscription.providerSubscriptionId, key);
      // Held collection (a trial that may have ended since, or a past-due one): charge and retry again.
      else if (['active', ...COLLECTION_HELD].includes(subscription.status))
        state = await this.provider.releaseCollection(subscription.providerSubscriptionId, key);
      else continue;
      await this.applier.applySubscription(state, new Date(), false);
      this.logger.log({ userId, subscriptionId: id }, 'billing resumed after a sanction was lifted');
    }
  }
}
