import type { DomainEvent } from './domain-event.js';

/**
 * A consistency boundary that records the domain events of each change. Persistence saves the
 * recorded events to the outbox in the same transaction as the aggregate and bumps `version`
 * (optimistic concurrency; also the external version of every read-model document).
 */
export abstract class AggregateRoot {
  abstract readonly id: string;
  /** 1 after the first save, +1 per saved change; undefined while never saved. */
  readonly version?: number;

  // Aggregates loaded from the database are built without their constructor, hence the lazy field.
  private recordedEvents?: DomainEvent[];

  protected record(event: DomainEvent): void {
    (this.recordedEvents ??= []).push(event);
  }

  /** The events recorded since the last call, in order; the list is emptied. */
  pullDomainEvents(): DomainEvent[] {
    const events = this.recordedEvents ?? [];
    this.recordedEvents = [];
    return events;
  }

  hasPendingEvents(): boolean {
    return (this.recordedEvents?.length ?? 0) > 0;
  }
}
