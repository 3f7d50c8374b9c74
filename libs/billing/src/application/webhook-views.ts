import type { WebhookEvent } from '../domain/webhook/webhook-event.js';

export interface WebhookEventView {
  id: string;
  provider: string;
  providerEventId: string;
  type: string;
  status: string;
  outcome: string | null;
  attempts: number;
  lastError: string | null;
  providerCustomerId: string | null;
  receivedAt: string;
  processedAt: string | null;
  nextAttemptAt: string | null;
}

export function toWebhookEventView(event: WebhookEvent): WebhookEventView {
  return {
    id: event.id,
    provider: event.provider,
    providerEventId: event.providerEventId,
    type: event.type,
    status: event.status,
    outcome: event.outcome,
    attempts: event.attempts,
    lastError: event.lastError,
    providerCustomerId: event.providerCustomerId,
    receivedAt: event.receivedAt.toISOString(),
    processedAt: event.processedAt?.toISOString() ?? null,
    nextAttemptAt: event.nextAttemptAt?.toISOString() ?? null,
  };
}
