import { v5, v7 } from 'uuid';

/** A new time-ordered identifier (UUIDv7): sortable by creation and index-friendly. */
export function newId(): string {
  return v7();
}

// Fixed forever: changing it would give every stable id a new value.
const STABLE_ID_NAMESPACE = 'a4f1c2d6-5b0e-4c39-9e57-1f3b6d8a2c40';

/**
 * The same identifier every time for the same parts (UUIDv5): for something a retry recreates,
 * such as the notification one event delivery gives one recipient, so the retry carries the same id.
 */
export function stableId(...parts: string[]): string {
  return v5(parts.join('\u001f'), STABLE_ID_NAMESPACE);
}
