import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  PROCESS_WEBHOOK_QUEUE,
  WebhookQueue,
  type ProcessWebhookJob,
} from '../../application/webhooks/webhook-queue.js';

@Injectable()
export class BullWebhookQueue extends WebhookQueue {
  constructor(@InjectQueue(PROCESS_WEBHOOK_QUEUE) private readonly queue: Queue<ProcessWebhookJob>) {
    super();
  }

  async enqueue(webhookId: string, attempt: number): Promise<void> {
    // jobId per (event, attempt): a redelivered event collapses, a retry after completion does not.
    await this.queue.add({ webhookId }, { jobId: `${webhookId}:${attempt}` });
  }
}
