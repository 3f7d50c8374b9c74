import type { WebhookEvent, WebhookStatus } from './webhook-event.js';

export abstract class WebhookEventRepository {
  /**
   * Stores an event unless one with the same provider event id exists (then returns that one's id);
   * `awaiting`: the stored row was never picked up (status `received`).
   */
  abstract store(event: WebhookEvent): Promise<{ id: string; duplicate: boolean; awaiting: boolean }>;
  abstract byId(id: string): Promise<WebhookEvent | null>;
  /** Locks the row for the transaction: one processor at a time per event. */
  abstract byIdForUpdate(id: string): Promise<WebhookEvent | null>;
  /** Serialises, until the transaction ends, the processing of every event about one customer. */
  abstract lockCustomer(providerCustomerId: string): Promise<void>;
  /** Events to (re)process: received but never picked up, or failed/unresolved and due again. */
  abstract due(now: Date, maxAttempts: number, limit: number): Promise<WebhookEvent[]>;
  abstract unresolvedOfCustomer(providerCustomerId: string): Promise<WebhookEvent[]>;
  /** Newest first, keyset paged by id. */
  abstract page(
    filter: { status?: WebhookStatus; type?: string },
    limit: number,
    beforeId?: string,
  ): Promise<WebhookEvent[]>;
}
