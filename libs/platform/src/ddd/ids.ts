import { v7 } from 'uuid';

/** A new time-ordered identifier (UUIDv7): sortable by creation and index-friendly. */
export function newId(): string {
  return v7();
}
