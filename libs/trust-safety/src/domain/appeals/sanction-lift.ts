import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';
import type { AccountSanctionKind } from '../../contracts/index.js';

/** A sanction in force ended early: owning contexts undo what it meant for their data. */
export class SanctionLifted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly sanction: AccountSanctionKind,
    readonly liftedAt: Date,
  ) {
    super();
  }
}

/** The record of a moderator (or an upheld appeal) ending a timeout, suspension or ban early. */
export class SanctionLift extends AggregateRoot {
  id!: string;
  userId!: string;
  sanction!: AccountSanctionKind;
  liftedBy!: string;
  reason!: string;
  /** Set when an upheld appeal lifted it. */
  appealId!: string | null;
  liftedAt!: Date;

  static make(input: {
    userId: string;
    sanction: AccountSanctionKind;
    liftedBy: string;
    reason: string;
    appealId: string | null;
    at: Date;
  }): SanctionLift {
    const lift = Object.assign(new SanctionLift(), {
      id: newId(),
      userId: input.userId,
      sanction: input.sanction,
      liftedBy: input.liftedBy,
      reason: input.reason,
      appealId: input.appealId,
      liftedAt: input.at,
    });
    lift.record(new SanctionLifted(lift.id, lift.userId, lift.sanction, lift.liftedAt));
    return lift;
  }
}

export abstract class SanctionLiftRepository {
  abstract add(lift: SanctionLift): Promise<void>;
}
