import type { EntityManager } from '@mikro-orm/postgresql';
import type { AfterCommitEffect } from '../persistence/after-commit.js';
import type { DeliveredEvent, IntegrationEvent, IntegrationEventClass } from './integration-event.js';

export interface ConsumerOptions {
  /**
   * Unique name, also the Bull queue's name and the inbox key: `<context>.<effect>`
   * (`identity.project-people`). Renaming it makes every past event look new to this consumer.
   */
  name: string;
  /** The integration event types this consumer reacts to. */
  on: IntegrationEventClass[];
  /** Jobs processed at once by each worker process (default 1, which keeps per-queue order). */
  concurrency?: number;
  /** Attempts before a job lands in the failed list (default 8, exponential backoff from 1 s). */
  attempts?: number;
  /** Longest a single delivery may run (default 60 s). */
  timeoutMs?: number;
}

/** What a consumer's `handle` gets: the event, its envelope and the transaction its effect must use. */
export interface ConsumerContext<E extends IntegrationEvent> extends DeliveredEvent<E> {
  /**
   * The transaction that also records this delivery in the inbox. Database effects made through it
   * (or through repositories, which resolve the same transaction) happen exactly once per event.
   */
  em: EntityManager;
  /**
   * Defers a side effect that leaves the process (socket push, mail) until that transaction commits:
   * a delivery whose commit fails announces nothing, and its retry announces once. Same as
   * `UnitOfWork.afterCommit`, which code called from the consumer can use instead.
   */
  afterCommit: (effect: AfterCommitEffect) => void;
}

export interface EventConsumer<E extends IntegrationEvent = IntegrationEvent> {
  handle(context: ConsumerContext<E>): Promise<void>;
}

const CONSUMER_OPTIONS = Symbol('showrunner:integration-event-consumer');

/** Marks a provider as the consumer of one or more integration events. */
export function IntegrationEventConsumer(options: ConsumerOptions): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CONSUMER_OPTIONS, options, target);
  };
}

export function consumerOptionsOf(target: abstract new (...args: never[]) => unknown): ConsumerOptions {
  const options = Reflect.getMetadata(CONSUMER_OPTIONS, target) as ConsumerOptions | undefined;
  if (!options) throw new Error(`${target.name} is listed as a consumer but has no @IntegrationEventConsumer()`);
  return options;
}
