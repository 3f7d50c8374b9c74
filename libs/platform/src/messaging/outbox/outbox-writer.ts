import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { AggregateRoot } from '@lib/platform/ddd';
import type { MessagingRegistry } from '../messaging-registry.js';
import { outboxMessagesOf } from './outbox-messages.js';

/**
 * Turns the domain events recorded by aggregates into outbox rows inside the very flush that saves
 * the aggregates, so state and events commit (or roll back) together. No handler can forget to.
 */
export class OutboxWriter implements EventSubscriber {
  constructor(private readonly registry: MessagingRegistry) {}

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const saved = new Set<object>();
    for (const changeSet of uow.getChangeSets()) {
      const aggregate = changeSet.entity;
      if (!(aggregate instanceof AggregateRoot)) continue;
      saved.add(aggregate);
      if (!aggregate.hasPendingEvents()) continue;
      // The version the row will have once this flush commits (MikroORM bumps it in the same statement).
      const version = changeSet.type === ChangeSetType.CREATE ? 1 : (aggregate.version ?? 0) + 1;
      for (const message of outboxMessagesOf(this.registry, aggregate, version)) {
        em.persist(message);
        uow.computeChangeSet(message);
      }
    }
    for (const entity of uow.getIdentityMap().values()) {
      if (entity instanceof AggregateRoot && entity.hasPendingEvents() && !saved.has(entity)) {
        // Events without a state change would never reach the outbox; that is a bug in the aggregate.
        throw new Error(
          `${entity.constructor.name} ${entity.id} recorded domain events but changed no persisted state`,
        );
      }
    }
  }
}
