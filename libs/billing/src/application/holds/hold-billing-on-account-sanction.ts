import { Injectable, Logger } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { AccountSanctionChangedV1 } from '@lib/trust-safety/contracts';
import { AccountHoldRepository, HOLDING_SANCTIONS, type HoldingSanction } from '../../domain/hold/account-hold.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { PaymentProvider } from '../payment-provider.js';
import { BillingFactApplier } from '../webhooks/billing-fact-applier.js';

/**
 * A suspended or banned account is not charged: its active subscriptions are paused at the provider
 * (no invoices while paused) and resumed when the last such sanction is lifted. Only subscriptions the
 * hold paused are resumed; one the customer paused stays paused. Idempotency keys make redeliveries safe.
 */
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
      // Stripe pauses only active subscriptions; trials and past-due ones are left to end or lapse.
      if (subscription.status !== 'active') continue;
      const state = await this.provider.pause(
        subscription.providerSubscriptionId,
        `hold:${subscription.id}:${at.toISOString()}`,
      );
      await this.applier.applySubscription(state, new Date(), false);
      await this.holds.notePaused(userId, sanction, subscription.id);
    }
  }

  private async release(userId: string, sanction: HoldingSanction, changedAt: string): Promise<void> {
    const { toResume } = await this.holds.release(userId, sanction);
    for (const id of toResume) {
      const subscription = await this.subscriptions.byId(id);
      if (!subscription || subscription.status !== 'paused') continue;
      const state = await this.provider.resume(subscription.providerSubscriptionId, `unhold:${id}:${changedAt}`);
      await this.applier.applySubscription(state, new Date(), false);
      this.logger.log({ userId, subscriptionId: id }, 'billing resumed after a sanction was lifted');
    }
  }
}
