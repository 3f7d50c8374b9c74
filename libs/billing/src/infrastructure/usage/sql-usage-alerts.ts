import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessagingRegistry, OutboxMessage } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { UsageThresholdReachedV1 } from '../../contracts/events/usage-threshold-reached.v1.js';
import { UsageAlerts, type UsageAlert } from '../../application/usage/usage-alerts.js';

/**
 * The alert row and its outbox message in one transaction: the unique key (person, quota, period,
 * threshold) makes a second crossing, a retry or a concurrent consumer record nothing, and the
 * message leaves only after the commit.
 */
@Injectable()
export class SqlUsageAlerts extends UsageAlerts {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MessagingRegistry,
  ) {
    super();
  }

  async record(alert: UsageAlert): Promise<boolean> {
    const event = new UsageThresholdReachedV1({
      userId: alert.userId,
      quota: alert.quota,
      threshold: alert.threshold,
      used: alert.used,
      limit: alert.limit,
      planId: alert.planId,
      overage: alert.overage,
      periodEnd: alert.periodEnd?.toISOString() ?? null,
      reachedAt: new Date().toISOString(),
    });
    const { type, payload } = this.registry.serialize(event);
    return this.em.fork().transactional(async (em) => {
      const rows = await em.execute<unknown[]>(
        `insert into billing.usage_alerts (user_id, quota, period_start, threshold, used, limit_value)
         values (?, ?, ?, ?, ?, ?) on conflict do nothing returning 1`,
        [alert.userId, alert.quota, alert.periodStart, alert.threshold, alert.used, alert.limit],
      );
      if (!rows.length) return false;
      em.persist(new OutboxMessage(newId(), type, payload, alert.userId, null, new Date()));
      await em.flush();
      return true;
    });
  }
}
