import type { Follow } from './follow.js';

export abstract class FollowRepository {
  abstract between(followerId: string, followeeId: string): Promise<Follow | null>;
  /** Saved with the current unit of work. */
  abstract add(follow: Follow): void;
}
