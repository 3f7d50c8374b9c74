export { IntegrationEvent, type IntegrationEventClass, type IntegrationEventEnvelope } from './integration-event.js';
export {
  IntegrationEventConsumer,
  type ConsumerContext,
  type ConsumerOptions,
  type EventConsumer,
} from './consumer.js';
export { OutboundEventMap } from './outbound-event-map.js';
export { MessagingRegistry, type ContextMessaging } from './messaging-registry.js';
export { MessagingConfigurationError, InvalidIntegrationEventError, UnknownIntegrationEventError } from './errors.js';
export { OutboxMessage, OutboxMessageSchema } from './outbox/outbox-message.js';
export { SqlOutbox, type OutboxInsert } from './outbox/sql-outbox.js';
export { Inbox, type InboxOutcome } from './inbox/inbox.js';
export { OutboxRelay } from './relay/outbox-relay.js';
export { MessagingModule } from './messaging.module.js';
