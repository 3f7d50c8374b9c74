import { DomainEvent } from '@lib/platform/ddd';
import type { MovementKind } from '../revenue/index.js';

/** A movement was written to the ledger, classified once, here, for every reader of MRR. */
export class MrrMovementRecorded extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly kind: MovementKind,
  ) {
    super();
  }
}
