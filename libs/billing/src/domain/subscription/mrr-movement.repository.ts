import type { MrrMovementRecord } from './mrr-movement.js';

export abstract class MrrMovementRepository {
  abstract add(movement: MrrMovementRecord): void;
  /** Every movement that happened before `to`, oldest first. */
  abstract until(to: Date): Promise<MrrMovementRecord[]>;
  /** Whether the subscription's MRR was ever above 0 in the recorded ledger. */
  abstract hadRevenue(subscriptionId: string): Promise<boolean>;
}
