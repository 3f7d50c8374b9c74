import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { PaymentFailedV1 } from '@lib/billing/contracts';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { UserFollowedV1 } from '../../contracts/index.js';
import { Notifier } from '../notifier.js';

/** "Ana and 11 others followed you": one unread group per followee. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-new-follower', on: [UserFollowedV1], concurrency: 4 })
export class NotifyNewFollower implements EventConsumer<UserFollowedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, em }: ConsumerContext<UserFollowedV1>): Promise<void> {
    await this.notifier.notify(em, { userId: event.followeeId, type: 'follower.new', actorId: event.followerId, groupKey: 'follower.new' });
  }
}

/** Dunning: the payer hears that a payment failed, until when access lasts, and where to pay. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-payment-failed', on: [PaymentFailedV1] })
export class NotifyPaymentFailed implements EventConsumer<PaymentFailedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, em }: ConsumerContext<PaymentFailedV1>): Promise<void> {
    const amount = new Intl.NumberFormat('en', { style: 'currency', currency: event.currency.toUpperCase() }).format(event.amountDue / 100);
    const until = event.accessUntil ? ` Your plan stays active until ${event.accessUntil.slice(0, 10)}.` : '';
    await this.notifier.notify(em, {
      userId: event.userId,
      type: 'billing.payment-failed',
      subjectId: event.invoiceId,
      data: { amountDue: event.amountDue, currency: event.currency, attempt: event.attempt, accessUntil: event.accessUntil, payUrl: event.payUrl },
      email: {
        subject: 'Your payment did not go through',
        text: `We could not collect ${amount} (attempt ${event.attempt}).${until}${event.payUrl ? `\n\nUpdate your payment: ${event.payUrl}` : ''}`,
      },
    });
  }
}

/** A first hello in the app (and by e-mail, unless the user turns it off). */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.welcome', on: [UserRegisteredV1] })
export class WelcomeNewUser implements EventConsumer<UserRegisteredV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, em }: ConsumerContext<UserRegisteredV1>): Promise<void> {
    await this.notifier.notify(em, {
      userId: event.userId,
      type: 'account.welcome',
      data: { displayName: event.displayName },
      email: { subject: 'Welcome to Showrunner', text: `Hi ${event.displayName}, welcome aboard. Follow creators you like to hear when they publish.` },
    });
  }
}
