import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '@lib/platform';
import { BillingMaintenance } from '../../application/webhooks/billing-maintenance.js';
import { WebhookProcessor } from '../../application/webhooks/webhook-processor.js';
import {
  BILLING_MAINTENANCE_QUEUE,
  PROCESS_WEBHOOK_QUEUE,
  type ProcessWebhookJob,
} from '../../application/webhooks/webhook-queue.js';

/**
 * The worker side of billing: webhook events are processed a few at a time (each one locks its own
 * row), and the maintenance sweep runs every minute as a repeatable job (one schedule however many
 * workers run).
 */
@Injectable()
export class BillingJobs {
  constructor(
    private readonly processor: WebhookProcessor,
    private readonly maintenance: BillingMaintenance,
  ) {}

  @OnJob({
    queue: PROCESS_WEBHOOK_QUEUE,
    concurrency: 4,
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000 },
    timeout: 30_000,
  })
  processWebhook(job: Job<ProcessWebhookJob>): Promise<unknown> {
    return this.processor.process(job.data.webhookId);
  }

  // One attempt: the next sweep a minute later is the retry.
  @OnJob({
    queue: BILLING_MAINTENANCE_QUEUE,
    attempts: 1,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
    repeat: { every: 60_000, jobId: 'billing-maintenance' },
  })
  runMaintenance(): Promise<unknown> {
    return this.maintenance.run();
  }
}
