import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { PaymentFailedV1, SubscriptionActivatedV1, SubscriptionCanceledV1, SubscriptionChangedV1 } from '@lib/billing/contracts';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { ExportReadyV1 } from '@lib/insights/contracts';
import { UserFollowedV1 } from '../../contracts/index.js';
import { Notifier } from '../notifier.js';

/** "Ana and 11 others followed you": one unread group per followee. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-new-follower', on: [UserFollowedV1], concurrency: 4 })
export class NotifyNewFollower implements EventConsumer<UserFollowedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope, em }: ConsumerContext<UserFollowedV1>): Promise<void> {
    await this.notifier.notify(em, {
      occurrence: envelope.id,
      userId: event.followeeId,
      type: 'follower.new',
      actorId: event.followerId,
      groupKey: 'follower.new',
      email: (name) => ({ subject: `${name} started following you`, text: `${name} started following you on Showrunner.` }),
    });
  }
}

/** Dunning: the payer hears that a payment failed, until when access lasts, and where to pay. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-payment-failed', on: [PaymentFailedV1] })
export class NotifyPaymentFailed implements EventConsumer<PaymentFailedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope, em }: ConsumerContext<PaymentFailedV1>): Promise<void> {
    const amount = new Intl.NumberFormat('en', { style: 'currency', currency: event.currency.toUpperCase() }).format(event.amountDue / 100);
    const until = event.accessUntil ? ` Your plan stays active until ${event.accessUntil.slice(0, 10)}.` : '';
    await this.notifier.notify(em, {
      occurrence: envelope.id,
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

  async handle({ event, envelope, em }: ConsumerContext<UserRegisteredV1>): Promise<void> {
    await this.notifier.notify(em, {
      occurrence: envelope.id,
      userId: event.userId,
      type: 'account.welcome',
      data: { displayName: event.displayName },
      // The welcome may be consumed before engagement.remember-person has stored the address.
      recipientEmail: event.email,
      email: { subject: 'Welcome to Showrunner', text: `Hi ${event.displayName}, welcome aboard. Follow creators you like to hear when they publish.` },
    });
  }
}

/** The subscriber hears when paid access starts, when the plan changes, and when it ends. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-subscription', on: [SubscriptionActivatedV1, SubscriptionChangedV1, SubscriptionCanceledV1] })
export class NotifySubscriptionChanges implements EventConsumer<SubscriptionActivatedV1 | SubscriptionChangedV1 | SubscriptionCanceledV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope, em }: ConsumerContext<SubscriptionActivatedV1 | SubscriptionChangedV1 | SubscriptionCanceledV1>): Promise<void> {
    if (event instanceof SubscriptionActivatedV1) {
      const trial = event.trialEnd ? ` Your trial runs until ${event.trialEnd.slice(0, 10)}.` : '';
      await this.notifier.notify(em, {
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.activated',
        subjectId: event.subscriptionId,
        data: { planId: event.planId, interval: event.interval, trialEnd: event.trialEnd, currentPeriodEnd: event.currentPeriodEnd },
        email: { subject: `Your ${event.planId} plan is active`, text: `Thanks for subscribing: your ${event.planId} plan is active.${trial}` },
      });
    } else if (event instanceof SubscriptionChangedV1) {
      // Renewals and status moves are billing's business; only a new plan is news to the subscriber.
      if (!event.changes.includes('plan')) return;
      await this.notifier.notify(em, {
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.plan-changed',
        subjectId: event.subscriptionId,
        data: { planId: event.planId, previousPlanId: event.previousPlanId },
      });
    } else {
      await this.notifier.notify(em, {
        occurrence: envelope.id,
        userId: event.userId,
        type: 'subscription.ended',
        subjectId: event.subscriptionId,
        data: { planId: event.planId, endedAt: event.endedAt },
        email: { subject: `Your ${event.planId} plan has ended`, text: `Your ${event.planId} plan ended on ${event.endedAt.slice(0, 10)}. You can subscribe again at any time.` },
      });
    }
  }
}

/** An analytics export someone asked for is ready to download. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-export-ready', on: [ExportReadyV1] })
export class NotifyExportReady implements EventConsumer<ExportReadyV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope, em }: ConsumerContext<ExportReadyV1>): Promise<void> {
    await this.notifier.notify(em, {
      occurrence: envelope.id,
      userId: event.userId,
      type: 'export.ready',
      subjectId: event.exportId,
      data: { exportId: event.exportId, channelId: event.channelId, report: event.report, format: event.format, downloadPath: event.downloadPath },
      email: { subject: 'Your export is ready', text: `Your ${event.report} export (${event.format.toUpperCase()}) is ready to download from ${event.downloadPath}.` },
    });
  }
}
