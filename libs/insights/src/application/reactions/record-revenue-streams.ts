import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { RevenueRecordedV1 } from '@lib/billing/contracts';
import { DomainFacts } from '../domain-facts.js';

/**
 * Billing's revenue streams besides subscriptions (tips, commission, gifts, ads, overage): one row per journal entry,
 * keyed by billing's entry id, so the platform overview sums exactly what the admin revenue metrics sum.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'insights.record-revenue-streams', on: [RevenueRecordedV1], concurrency: 2 })
export class RecordRevenueStreams implements EventConsumer<RevenueRecordedV1> {
  constructor(private readonly facts: DomainFacts) {}

  async handle({ event }: ConsumerContext<RevenueRecordedV1>): Promise<void> {
    await this.facts.recordRevenueEntry({
      entryId: event.entryId,
      stream: event.stream,
      amount: event.amount,
      currency: event.currency.toLowerCase(),
      creatorId: event.creatorId,
      at: new Date(event.occurredAt),
    });
  }
}
