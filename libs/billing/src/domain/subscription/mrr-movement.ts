import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';
import { classifyMovement, type MovementKind, type MrrMovement } from '../revenue/index.js';

/** A movement was written to the ledger, classified once, here, for every reader of MRR. */
export class MrrMovementRecorded extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly kind: MovementKind,
  ) {
    super();
  }
}

/**
 * One change of a subscription's monthly recurring revenue: the ledger revenue metrics are computed
 * from. An aggregate only so its creation leaves through the outbox (`billing.mrr-movement-recorded.v1`).
 */
export class MrrMovementRecord extends AggregateRoot implements MrrMovement {
  readonly id: string = newId();

  /** `hadRevenueBefore`: whether the subscription ever had MRR above 0 (a comeback is a reactivation, not new). */
  constructor(
    readonly subscriptionId: string,
    readonly userId: string,
    readonly planId: string,
    readonly currency: string,
    readonly occurredAt: Date,
    readonly mrrBefore: number,
    readonly mrrAfter: number,
    hadRevenueBefore = false,
  ) {
    super();
    const kind = classifyMovement({ mrrBefore, mrrAfter }, hadRevenueBefore || mrrBefore > 0);
    if (kind) this.record(new MrrMovementRecorded(this.id, kind));
  }
}

export abstract class MrrMovementRepository {
  abstract add(movement: MrrMovementRecord): void;
  /** Every movement that happened before `to`, oldest first. */
  abstract until(to: Date): Promise<MrrMovementRecord[]>;
  /** Whether the subscription's MRR was ever above 0 in the recorded ledger. */
  abstract hadRevenue(subscriptionId: string): Promise<boolean>;
}
