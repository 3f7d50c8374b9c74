import { Injectable } from '@nestjs/common';
import type { AggregateRoot, DomainEvent } from '@lib/platform/ddd';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { consumerOptionsOf, type ConsumerOptions, type EventConsumer } from './consumer.js';
import { InvalidIntegrationEventError, MessagingConfigurationError, UnknownIntegrationEventError } from './errors.js';
import { INTEGRATION_EVENT_TYPE, type IntegrationEvent, type IntegrationEventClass } from './integration-event.js';
import type { DomainEventClass, OutboundEventMap } from './outbound-event-map.js';

export interface ContextMessaging {
  /** The integration event types this context publishes. */
  publishes?: IntegrationEventClass[];
  /** Which of its domain events leave the context, as which integration events. */
  outbound?: OutboundEventMap;
  /** Its consumers (providers decorated with @IntegrationEventConsumer). */
  consumers?: (new (...args: never[]) => EventConsumer<never>)[];
}

export interface RegisteredConsumer {
  options: Required<Pick<ConsumerOptions, 'name' | 'concurrency' | 'attempts' | 'timeoutMs'>> & ConsumerOptions;
  target: new (...args: never[]) => EventConsumer<never>;
  types: string[];
}

/**
 * Every integration event type, outbound translation and consumer of the running process.
 * Contexts register while the application is built; `seal()` then checks the wiring once, at boot.
 */
@Injectable()
export class MessagingRegistry {
  private readonly eventTypes = new Map<string, IntegrationEventClass>();
  private readonly outboundMaps: OutboundEventMap[] = [];
  private readonly consumers = new Map<string, RegisteredConsumer>();
  private readonly problems: string[] = [];
  private sealed = false;

  register(context: ContextMessaging): void {
    if (this.sealed) throw new Error('Messaging registry is sealed: contexts register while modules are built');
    for (const eventClass of context.publishes ?? []) this.registerEventType(eventClass);
    if (context.outbound) this.outboundMaps.push(context.outbound);
    for (const target of context.consumers ?? []) this.registerConsumer(target);
  }

  /** Fails fast on wiring mistakes; called once the whole application is assembled. */
  seal(): void {
    if (this.sealed) return;
    for (const consumer of this.consumers.values()) {
      for (const eventClass of consumer.options.on) {
        if (this.eventTypes.get(eventClass.type) !== eventClass) {
          this.problems.push(
            `consumer '${consumer.options.name}' listens to '${eventClass.type ?? eventClass.name}', which no context publishes (is its module imported?)`,
          );
        }
      }
    }
    const translated = new Map<DomainEventClass<DomainEvent>, number>();
    for (const map of this.outboundMaps)
      for (const event of map.domainEvents()) translated.set(event, (translated.get(event) ?? 0) + 1);
    for (const [event, count] of translated)
      if (count > 1) this.problems.push(`domain event ${event.name} is translated in ${count} places`);
    if (this.problems.length) throw new MessagingConfigurationError(this.problems);
    this.sealed = true;
  }

  /** The integration events a domain event becomes when its aggregate is saved (none: it stays internal). */
  translate(event: DomainEvent, aggregate: AggregateRoot): IntegrationEvent[] {
    for (const map of this.outboundMaps) {
      const translated = map.translate(event, aggregate);
      if (translated) return translated;
    }
    return [];
  }

  /**
   * The payload is the event's own fields, stored as JSON: an event is a plain record, so `instanceToPlain` would give
   * the same JSON at several times the cost, on every outbox row. class-transformer's decorators (`@Type`) apply on
   * the way in, in `deserialize`; none that changes output (`@Exclude`, `@Transform`) is used on an event.
   */
  serialize(event: IntegrationEvent): { type: string; payload: Record<string, unknown> } {
    const type = (event.constructor as IntegrationEventClass).type;
    if (this.eventTypes.get(type) !== event.constructor)
      throw new UnknownIntegrationEventError(type ?? event.constructor.name);
    this.assertValid(type, event);
    return { type, payload: { ...event } };
  }

  deserialize(type: string, payload: unknown): IntegrationEvent {
    const eventClass = this.eventTypes.get(type);
    if (!eventClass) throw new UnknownIntegrationEventError(type);
    const event = plainToInstance<IntegrationEvent, unknown>(eventClass, payload);
    this.assertValid(type, event);
    return event;
  }

  consumersOf(type: string): RegisteredConsumer[] {
    return [...this.consumers.values()].filter((consumer) => consumer.types.includes(type));
  }

  allConsumers(): RegisteredConsumer[] {
    return [...this.consumers.values()];
  }

  private registerEventType(eventClass: IntegrationEventClass): void {
    const type = eventClass.type;
    if (!type || !INTEGRATION_EVENT_TYPE.test(type)) {
      this.problems.push(`${eventClass.name} needs a static type like '<context>.<fact>.v1' (got '${type}')`);
      return;
    }
    const existing = this.eventTypes.get(type);
    if (existing && existing !== eventClass) this.problems.push(`integration event type '${type}' is declared twice`);
    this.eventTypes.set(type, eventClass);
  }

  private registerConsumer(target: RegisteredConsumer['target']): void {
    const options = consumerOptionsOf(target);
    if (this.consumers.has(options.name)) {
      this.problems.push(`two consumers are named '${options.name}'`);
      return;
    }
    if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(options.name)) {
      this.problems.push(`consumer name '${options.name}' must look like '<context>.<effect>'`);
    }
    if (!options.on.length) this.problems.push(`consumer '${options.name}' listens to no event`);
    this.consumers.set(options.name, {
      options: { concurrency: 1, attempts: 8, timeoutMs: 60_000, ...options },
      target,
      types: options.on.map((eventClass) => eventClass.type),
    });
  }

  private assertValid(type: string, event: object): void {
    const errors = validateSync(event, { forbidUnknownValues: true });
    if (errors.length) {
      throw new InvalidIntegrationEventError(
        type,
        errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` })),
      );
    }
  }
}
