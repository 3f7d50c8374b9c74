import { newId } from '@lib/platform/ddd';

/**
 * received → processing → processed | ignored; a failure goes to `failed` (retried with backoff) and
 * an event that names a customer we cannot place goes to `unresolved` (retried when the customer
 * becomes known, and replayable by an admin).
 */
export type WebhookStatus = 'received' | 'processing' | 'processed' | 'ignored' | 'failed' | 'unresolved';

/** A provider event exactly as received: stored before anything else happens, unique per provider event id. */
export class WebhookEvent {
  readonly id: string = newId();
  status: WebhookStatus = 'received';
  attempts = 0;
  lastError: string | null = null;
  outcome: string | null = null;
  nextAttemptAt: Date | null = null;
  processedAt: Date | null = null;
  readonly receivedAt: Date = new Date();

  constructor(
    readonly provider: string,
    readonly providerEventId: string,
    readonly type: string,
    readonly payload: Record<string, unknown>,
    readonly providerCreatedAt: Date,
    readonly providerCustomerId: string | null,
  ) {}

  get isSettled(): boolean {
    return this.status === 'processed' || this.status === 'ignored';
  }

  begin(): void {
    this.status = 'processing';
    this.attempts += 1;
  }

  settle(status: 'processed' | 'ignored', outcome: string, at = new Date()): void {
    this.status = status;
    this.outcome = outcome;
    this.lastError = null;
    this.nextAttemptAt = null;
    this.processedAt = at;
  }

  /** Failed or unresolved, with the next automatic attempt (exponential, capped at 6 hours). */
  defer(status: 'failed' | 'unresolved', error: string, at = new Date()): void {
    this.status = status;
    this.lastError = error.slice(0, 2_000);
    const delayMs = Math.min(60_000 * 2 ** Math.max(0, this.attempts - 1), 6 * 3_600_000);
    this.nextAttemptAt = new Date(at.getTime() + delayMs);
  }
}
