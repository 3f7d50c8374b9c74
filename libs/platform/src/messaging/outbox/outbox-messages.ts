import { AggregateRoot, newId } from '@lib/platform/ddd';
import type { MessagingRegistry } from '../messaging-registry.js';
import { OutboxMessage } from './outbox-message.js';

/**
 * The outbox rows for the events an aggregate recorded, as it is saved at `version` (1 when created): each
 * domain event translated into the integration events it leaves the context as. Empties the aggregate's list.
 */
export function outboxMessagesOf(
  registry: MessagingRegistry,
  aggregate: AggregateRoot,
  version: number,
): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (const event of aggregate.pullDomainEvents()) {
    for (const integrationEvent of registry.translate(event, aggregate)) {
      const { type, payload } = registry.serialize(integrationEvent);
      messages.push(new OutboxMessage(newId(), type, payload, aggregate.id, version, event.occurredAt));
    }
  }
  return messages;
}
