import { Injectable, Logger } from '@nestjs/common';
import { overageOf, thresholdsReached } from '../../domain/usage/overage.js';
import { OverageMeter } from './overage-meter.js';
import { UsageAlerts } from './usage-alerts.js';
import { UsageObserver, type ConsumedUsage } from './usage-observer.js';

/** Alerts at 80% and 100% of a quota, and overage above it reported to the provider's meter. */
@Injectable()
export class MeteredUsageObserver extends UsageObserver {
  private readonly logger = new Logger(MeteredUsageObserver.name);

  constructor(
    private readonly alerts: UsageAlerts,
    private readonly meter: OverageMeter,
  ) {
    super();
  }

  async consumed(usage: ConsumedUsage): Promise<void> {
    if (usage.limit === 'unlimited') return;
    const limit = usage.limit;
    for (const threshold of thresholdsReached(usage.used, limit)) {
      await this.alerts
        .record({
          userId: usage.userId,
          planId: usage.planId,
          quota: usage.quota,
          threshold,
          used: usage.used,
          limit,
          periodStart: usage.alertPeriod.start,
          periodEnd: usage.periodic ? usage.period.end : null,
          overage: usage.overage !== null,
        })
        .catch((error: unknown) => this.logger.warn({ err: error, quota: usage.quota }, 'usage alert not recorded'));
    }
    if (!usage.overage) return;
    const { units } = overageOf(usage.used, limit, usage.overage);
    if (units === 0) return;
    await this.meter
      .report({
        userId: usage.userId,
        planId: usage.planId,
        quota: usage.quota,
        periodStart: usage.period.start,
        totalUnits: units,
      })
      .catch((error: unknown) => this.logger.warn({ err: error, quota: usage.quota }, 'overage not reported yet'));
  }
}
