import { InjectQueue } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { ProcessRole } from '@lib/platform';
import { BillingMaintenance } from '../../application/webhooks/billing-maintenance.js';
import { WebhookProcessor } from '../../application/webhooks/webhook-processor.js';
import { BILLING_MAINTENANCE_QUEUE, PROCESS_WEBHOOK_QUEUE, type ProcessWebhookJob } from '../../application/webhooks/webhook-queue.js';

const MAINTENANCE_EVERY_MS = 60_000;

/**
 * The worker side of billing: webhook events are processed a few at a time (each one locks its own
 * row), and the maintenance sweep runs every minute as a repeatable job (one schedule however many
 * workers run).
 */
@Injectable()
export class BillingJobs implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(PROCESS_WEBHOOK_QUEUE) private readonly webhookQueue: Queue<ProcessWebhookJob>,
    @InjectQueue(BILLING_MAINTENANCE_QUEUE) private readonly maintenanceQueue: Queue,
    private readonly processor: WebhookProcessor,
    private readonly maintenance: BillingMaintenance,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker) return;
    // Jobs run outside any HTTP request: each gets its own EntityManager context.
    void this.webhookQueue.process(4, (job) => RequestContext.create(this.orm.em, () => this.processor.process(job.data.webhookId)));
    void this.maintenanceQueue.process(1, () => RequestContext.create(this.orm.em, () => this.maintenance.run()));
    await this.maintenanceQueue.add({}, { repeat: { every: MAINTENANCE_EVERY_MS }, jobId: 'billing-maintenance' });
  }
}
