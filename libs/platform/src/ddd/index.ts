export { AggregateRoot } from './aggregate-root.js';
export { DomainEvent } from './domain-event.js';
export { DomainError, type DomainErrorKind } from './domain-error.js';
export { newId, stableId } from './ids.js';
export { isBlankText, trimText } from './text.js';
