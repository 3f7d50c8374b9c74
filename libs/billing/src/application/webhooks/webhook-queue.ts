export const PROCESS_WEBHOOK_QUEUE = 'billing.process-webhook';
export const BILLING_MAINTENANCE_QUEUE = 'billing.maintenance';

export interface ProcessWebhookJob {
  webhookId: string;
}

/** Hands stored webhook events to the worker: one job per (event, attempt), so a redelivered event collapses. */
export abstract class WebhookQueue {
  abstract enqueue(webhookId: string, attempt: number): Promise<void>;
}
