import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import { WebhookEventRepository } from '../../domain/webhook/webhook-event.repository.js';
import { EntitlementRefresher } from '../entitlements/entitlement-refresher.js';
import { AdShareTransfers } from '../tips/ad-share-transfers.js';
import { WebhookQueue } from './webhook-queue.js';

/** Enough automatic attempts (backoff capped at 6 h) to span the provider's own 3 days of retries. */
export const MAX_WEBHOOK_ATTEMPTS = 20;

/**
 * The periodic safety net: stored webhook events nobody processed (a lost enqueue, a dead worker),
 * failed or unresolved ones that are due again, and time-limited plans that have lapsed (the end of
 * a grace period or of a downgrade hold), whose change must be announced; and creators' ad shares still awaiting
 * their transfer.
 */
@Injectable()
export class BillingMaintenance {
  private readonly logger = new Logger(BillingMaintenance.name);

  constructor(
    private readonly webhooks: WebhookEventRepository,
    private readonly queue: WebhookQueue,
    private readonly grants: EntitlementRepository,
    private readonly refresher: EntitlementRefresher,
    private readonly unitOfWork: UnitOfWork,
    private readonly adShares: AdShareTransfers,
  ) {}

  async run(now = new Date()): Promise<{ requeued: number; lapsed: number; adShareTransfers: number }> {
    const due = await this.webhooks.due(now, MAX_WEBHOOK_ATTEMPTS, 500);
    for (const event of due) await this.queue.enqueue(event.id, event.attempts);
    let lapsed = 0;
    for (const grant of await this.grants.lapsed(now, 500)) {
      await this.unitOfWork.transactional(() => this.refresher.refresh(grant.userId, now));
      lapsed += 1;
    }
    const adShareTransfers = await this.adShares.sweep();
    if (due.length || lapsed || adShareTransfers)
      this.logger.log({ requeued: due.length, lapsed, adShareTransfers }, 'billing maintenance');
    return { requeued: due.length, lapsed, adShareTransfers };
  }
}
