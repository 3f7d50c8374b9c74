import type { ReviewItemView } from './review-queue.js';

/** Live queue: moderators watching the queue see an item change as soon as its transaction commits. */
export abstract class QueueUpdates {
  /** Call after commit: pushes the item's current state to every moderator watching. */
  abstract changed(itemId: string): Promise<void>;
  abstract push(item: ReviewItemView): void;
}
