import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';

export const PROCESS_WEBHOOK_QUEUE = 'billing.process-webhook';
export const BILLING_MAINTENANCE_QUEUE = 'billing.maintenance';

export interface ProcessWebhookJob {
  webhookId: string;
}

/** Hands stored webhook events to the worker. */
@Injectable()
export class WebhookQueue {
  constructor(@InjectQueue(PROCESS_WEBHOOK_QUEUE) private readonly queue: Queue<ProcessWebhookJob>) {}

  /** One job per (event, attempt): a redelivered event collapses, a retry after completion does not. */
  async enqueue(webhookId: string, attempt: number): Promise<void> {
    await this.queue.add({ webhookId }, { jobId: `${webhookId}:${attempt}` });
  }
}
