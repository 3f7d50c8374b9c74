/** A fact that happened inside an aggregate, named in the past tense (`UserRegistered`). */
export abstract class DomainEvent {
  readonly occurredAt: Date = new Date();
  abstract readonly aggregateId: string;
}
