import type { AggregateRoot, DomainEvent } from '@lib/platform/ddd';
import type { IntegrationEvent } from './integration-event.js';

export type DomainEventClass<E extends DomainEvent> = abstract new (...args: never[]) => E;
type Translation<E extends DomainEvent> = (event: E, aggregate: AggregateRoot) => IntegrationEvent | IntegrationEvent[];

/**
 * The one place per context that says which domain events leave it, and as what integration events.
 * Domain events without a translation stay internal.
 */
export class OutboundEventMap {
  private readonly translations = new Map<DomainEventClass<DomainEvent>, Translation<DomainEvent>>();

  on<E extends DomainEvent>(event: DomainEventClass<E>, translate: Translation<E>): this {
    if (this.translations.has(event)) throw new Error(`${event.name} is already translated`);
    this.translations.set(event, translate as Translation<DomainEvent>);
    return this;
  }

  translate(event: DomainEvent, aggregate: AggregateRoot): IntegrationEvent[] | undefined {
    const translation = this.translations.get(event.constructor as DomainEventClass<DomainEvent>);
    if (!translation) return undefined;
    return [translation(event, aggregate)].flat();
  }

  domainEvents(): DomainEventClass<DomainEvent>[] {
    return [...this.translations.keys()];
  }
}
