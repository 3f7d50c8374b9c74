import { AggregateRoot, newId } from '@lib/platform/ddd';
import { classifyMovement, type MrrMovement } from '../revenue/index.js';
import { MrrMovementRecorded } from './mrr-movement.events.js';

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
