import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { SubscriptionActivatedV1 } from '@lib/billing/contracts';
import { ATTRIBUTION_WINDOW_MS, subjectKey } from '../../domain/experiments/experiment.js';
import { ExperimentTracking } from '../experiments/experiment-tracking.js';

/**
 * A subscription is a conversion of the person's latest exposure to each experiment within the
 * attribution window before it; a subscriber never exposed converts nothing. Once per event (inbox)
 * and once per exposure (unique key).
 */
@Injectable()
@IntegrationEventConsumer({ name: 'insights.attribute-experiment-subscriptions', on: [SubscriptionActivatedV1] })
export class AttributeExperimentSubscriptions implements EventConsumer<SubscriptionActivatedV1> {
  constructor(private readonly tracking: ExperimentTracking) {}

  async handle({ event, envelope }: ConsumerContext<SubscriptionActivatedV1>): Promise<void> {
    const subject = subjectKey({ personId: event.userId }) as string;
    await this.tracking.attributeSubscription(subject, new Date(event.activatedAt), envelope.id, ATTRIBUTION_WINDOW_MS);
  }
}
