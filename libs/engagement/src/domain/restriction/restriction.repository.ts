import type { Restriction, RestrictionKind } from './restriction.js';

export abstract class RestrictionRepository {
  /** Adds the restriction unless present; returns whether it is new. */
  abstract add(restriction: Restriction): Promise<boolean>;
  abstract remove(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean>;
  /** Whether either user blocks the other (what every engagement feature checks). */
  abstract eitherBlocks(a: string, b: string): Promise<boolean>;
  abstract has(ownerId: string, targetId: string, kind: RestrictionKind): Promise<boolean>;
}
