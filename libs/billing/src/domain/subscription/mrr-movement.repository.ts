import type { MrrMovementRecord } from './mrr-movement.js';

export abstract class MrrMovementRepository {
  abstract add(movement: MrrMovementRecord): void;
  /** Every movement that happened before `to`, oldest first. */
  abstract until(to: Date): Promise<MrrMovementRecord[]>;
}
