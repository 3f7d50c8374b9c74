import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UsageThresholdReachedV1 } from '@lib/billing/contracts';
import { Notifier } from '../notifier.js';

const QUOTA_WORDS: Record<string, string> = {
  storage_bytes: 'storage',
  uploads_per_month: 'uploads this period',
  api_calls_per_month: 'API calls this period',
  episodes_per_month: 'episodes this period',
  library_items: 'library items',
};

/** Billing's usage alerts (80% and 100% of a quota, once per period each): the person hears it. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-usage-threshold', on: [UsageThresholdReachedV1] })
export class NotifyUsageThreshold implements EventConsumer<UsageThresholdReachedV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<UsageThresholdReachedV1>): Promise<void> {
    const what = QUOTA_WORDS[event.quota] ?? event.quota.replaceAll('_', ' ');
    const next =
      event.threshold < 100
        ? 'You are close to your plan’s limit.'
        : event.overage
          ? 'Usage above the limit is billed as overage on your next invoice.'
          : 'New usage is refused until the period ends or you upgrade.';
    await this.notifier.notify({
      occurrence: envelope.id,
      userId: event.userId,
      type: 'billing.usage-threshold-reached',
      subjectId: `${event.quota}:${event.threshold}`,
      data: {
        quota: event.quota,
        threshold: event.threshold,
        used: event.used,
        limit: event.limit,
        planId: event.planId,
        overage: event.overage,
        periodEnd: event.periodEnd,
      },
      email: {
        subject: `You have used ${event.threshold}% of your ${what}`,
        text: `You have used ${event.used} of ${event.limit} (${what}). ${next}`,
      },
    });
  }
}
