/**
 * A versioned fact published to other contexts (`identity.user-registered.v1`). Its fields are the
 * payload, declared with class-validator decorators so consumers get a validated instance. A change
 * that breaks consumers is a new class with the next version, never an edit of this one.
 */
export abstract class IntegrationEvent {
  static readonly type: string;
}

export type IntegrationEventClass<E extends IntegrationEvent = IntegrationEvent> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any constructor shape; payload classes differ
  new (...args: any[]): E;
  readonly type: string;
};

export const INTEGRATION_EVENT_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/** The outbox row as it travels in a job: metadata plus the serialized payload. */
export interface IntegrationEventEnvelope<P = Record<string, unknown>> {
  /** Unique per event (UUIDv7); consumers dedupe on it. */
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string | null;
  /** The aggregate's version after the change that produced this event. */
  aggregateVersion: number | null;
  payload: P;
}

/** What a consumer receives besides the event itself. */
export interface DeliveredEvent<E extends IntegrationEvent> {
  event: E;
  envelope: IntegrationEventEnvelope;
}
