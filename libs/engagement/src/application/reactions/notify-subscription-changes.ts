import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { SubscriptionActivatedV1, SubscriptionCanceledV1, SubscriptionChangedV1 } from '@lib/billing/contracts';
import { Notifier } from '../notifier.js';

/** The subscriber hears when paid access starts, when the plan changes, and when it ends. */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.notify-subscription',
  on: [SubscriptionActivatedV1, SubscriptionChangedV1, SubscriptionCanceledV1],
})
export class NotifySubscriptionChanges implements EventConsumer<
  SubscriptionActivatedV1 | SubscriptionChangedV1 | SubscriptionCanceledV1
> {
  constructor(private readonly notifier: Notifier) {}

  async handle({
    event,
    envelope,
  }: ConsumerContext<SubscriptionActivatedV1 | SubscriptionChangedV1 | SubscriptionCanceledV1>): Promise<void> {
    if (event instanceof SubscriptionActivatedV1) {
      const trial = event.trialEnd ? ` Your trial runs until ${event.trialEnd.slice(0, 10)}.` : '';
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.activated',
        subjectId: event.subscriptionId,
        data: {
          planId: event.planId,
          interval: event.interval,
          trialEnd: event.trialEnd,
          currentPeriodEnd: event.currentPeriodEnd,
        },
        email: {
          subject: `Your ${event.planId} plan is active`,
          text: `Thanks for subscribing: your ${event.planId} plan is active.${trial}`,
        },
      });
    } else if (event instanceof SubscriptionChangedV1) {
      // Renewals and status moves are billing's business; only a new plan is news to the subscriber.
      if (!event.changes.includes('plan')) return;
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.plan-changed',
        subjectId: event.subscriptionId,
        data: { planId: event.planId, previousPlanId: event.previousPlanId },
      });
    } else {
      await this.notifier.notify({
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.ended',
        subjectId: event.subscriptionId,
        data: { planId: event.planId, endedAt: event.endedAt },
        email: {
          subject: `Your ${event.planId} plan has ended`,
          text: `Your ${event.planId} plan ended on ${event.endedAt.slice(0, 10)}. You can subscribe again at any time.`,
        },
      });
    }
  }
}
