import { Injectable } from '@nestjs/common';
import type { AccountSanctionKind } from '../../contracts/index.js';
import { SanctionLift, SanctionLiftRepository } from '../../domain/appeals/sanction-lift.js';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';

/** Ends a sanction in force and keeps the record whose event tells other contexts (`lifted`). */
@Injectable()
export class SanctionLifting {
  constructor(
    private readonly sanctions: AccountSanctionRepository,
    private readonly lifts: SanctionLiftRepository,
  ) {}

  /** False when no such sanction was in force (nothing recorded, nothing published). */
  async lift(input: {
    userId: string;
    sanction: AccountSanctionKind;
    liftedBy: string;
    reason: string;
    appealId: string | null;
    at: Date;
  }): Promise<boolean> {
    if (!(await this.sanctions.lift(input.userId, input.sanction, input.at))) return false;
    await this.lifts.add(SanctionLift.make(input));
    return true;
  }
}
