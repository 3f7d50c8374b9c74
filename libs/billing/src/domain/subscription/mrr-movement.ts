import { newId } from '@lib/platform/ddd';
import type { MrrMovement } from '../revenue/index.js';

/** One change of a subscription's monthly recurring revenue: the ledger revenue metrics are computed from. */
export class MrrMovementRecord implements MrrMovement {
  readonly id: string = newId();

  constructor(
    readonly subscriptionId: string,
    readonly userId: string,
    readonly planId: string,
    readonly currency: string,
    readonly occurredAt: Date,
    readonly mrrBefore: number,
    readonly mrrAfter: number,
  ) {}
}
