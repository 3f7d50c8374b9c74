import { Injectable } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  type ConsumerContext,
  type EventConsumer,
  type IntegrationEvent,
} from '@lib/platform';
import {
  MrrMovementRecordedV1,
  PaymentSucceededV1,
  RefundIssuedV1,
  SubscriptionActivatedV1,
  SubscriptionCanceledV1,
  SubscriptionChangedV1,
} from '@lib/billing/contracts';
import { UserFollowedV1 } from '@lib/engagement/contracts';
import { UserRegisteredV1 } from '@lib/identity/contracts';
import { DomainFacts } from '../domain-facts.js';
import { EventStore } from '../event-store.js';
import { domainEventRow } from './domain-event-row.js';
import { ANY_UUID as UUID } from '../../domain/client-event.js';

/** Signups: the funnel's second step, new users, cohorts, and the address weekly reports go to. */
@Injectable()
@IntegrationEventConsumer({ name: 'insights.record-identity', on: [UserRegisteredV1], concurrency: 4 })
export class RecordIdentityEvents implements EventConsumer<UserRegisteredV1> {
  constructor(
    private readonly facts: DomainFacts,
    private readonly store: EventStore,
  ) {}

  async handle({ event, envelope }: ConsumerContext<UserRegisteredV1>): Promise<void> {
    const at = new Date(event.registeredAt);
    await this.facts.recordUser(event.userId, event.email, at);
    await this.store.append([
      domainEventRow({ eventId: envelope.id, name: 'signup', occurredAt: at, userId: event.userId }),
    ]);
  }
}

/**
 * Revenue and subscriptions: payments and refunds (attributed to the channel named in the checkout's
 * attribution, if any), and billing's MRR movements, taken as billing classified them (one source of
 * truth for MRR: insights derives none). Kept in order (concurrency 1) so a change never overtakes
 * its activation.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'insights.record-billing',
  on: [
    SubscriptionActivatedV1,
    SubscriptionChangedV1,
    SubscriptionCanceledV1,
    PaymentSucceededV1,
    RefundIssuedV1,
    MrrMovementRecordedV1,
  ],
})
export class RecordBillingEvents implements EventConsumer {
  constructor(
    private readonly facts: DomainFacts,
    private readonly store: EventStore,
  ) {}

  async handle({ event, envelope }: ConsumerContext<IntegrationEvent>): Promise<void> {
    if (event instanceof SubscriptionActivatedV1) {
      const claimed = event.attribution?.channelId ?? event.attribution?.creatorId;
      const channelId = claimed && UUID.test(claimed) ? claimed.toLowerCase() : null;
      const at = new Date(event.activatedAt);
      await this.facts.recordSubscription({
        subscriptionId: event.subscriptionId,
        userId: event.userId,
        channelId,
        planId: event.planId,
        mrrCents: event.mrr,
        currency: event.currency,
        activatedAt: at,
      });
      await this.store.append([
        domainEventRow({
          eventId: envelope.id,
          name: 'subscription_activated',
          occurredAt: at,
          userId: event.userId,
          channelId,
          properties: { planId: event.planId },
        }),
      ]);
    } else if (event instanceof SubscriptionChangedV1) {
      await this.facts.updateSubscriptionMrr(event.subscriptionId, event.mrr, null);
    } else if (event instanceof SubscriptionCanceledV1) {
      const at = new Date(event.endedAt);
      const before = await this.facts.updateSubscriptionMrr(event.subscriptionId, 0, at);
      await this.store.append([
        domainEventRow({
          eventId: envelope.id,
          name: 'subscription_canceled',
          occurredAt: at,
          userId: event.userId,
          channelId: before?.channelId ?? null,
        }),
      ]);
    } else if (event instanceof PaymentSucceededV1) {
      const channelId = event.subscriptionId ? await this.facts.channelOfSubscription(event.subscriptionId) : null;
      await this.store.append([
        domainEventRow({
          eventId: envelope.id,
          name: 'payment',
          occurredAt: new Date(event.paidAt),
          userId: event.userId,
          channelId,
          amountCents: event.amount,
          properties: { paymentId: event.paymentId, currency: event.currency, planId: event.planId },
        }),
      ]);
    } else if (event instanceof MrrMovementRecordedV1) {
      await this.facts.recordMrrMovement({
        movementId: event.movementId,
        subscriptionId: event.subscriptionId,
        at: new Date(event.occurredAt),
        kind: event.kind,
        deltaCents: event.mrrAfter - event.mrrBefore,
      });
    } else if (event instanceof RefundIssuedV1) {
      const channelId = await this.facts.channelOfPayment(event.paymentId);
      await this.store.append([
        domainEventRow({
          eventId: envelope.id,
          name: 'refund',
          occurredAt: new Date(event.issuedAt),
          userId: event.userId,
          channelId,
          amountCents: -event.amount,
          properties: { paymentId: event.paymentId, currency: event.currency },
        }),
      ]);
    }
  }
}

/**
 * New followers of a creator, in the creator's personal scope (their user id); the rollups also count
 * each follow on every channel the creator owns (insights.channels), so channel dashboards show them.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'insights.record-engagement', on: [UserFollowedV1], concurrency: 4 })
export class RecordEngagementEvents implements EventConsumer<UserFollowedV1> {
  constructor(private readonly store: EventStore) {}

  async handle({ event, envelope }: ConsumerContext<UserFollowedV1>): Promise<void> {
    await this.store.append([
      domainEventRow({
        eventId: envelope.id,
        name: 'follow',
        occurredAt: new Date(event.followedAt),
        userId: event.followerId,
        channelId: event.followeeId,
      }),
    ]);
  }
}
