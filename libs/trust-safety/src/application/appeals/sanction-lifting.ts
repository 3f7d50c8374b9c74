import { Injectable } from '@nestjs/common';
import type { AccountSanctionKind } from '../../contracts/index.js';
import { ModerationDecisionRepository } from '../../domain/actions/moderation-decision.js';
import { SanctionLift, SanctionLiftRepository } from '../../domain/appeals/sanction-lift.js';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';

/** Ends a sanction in force and keeps the record whose event tells other contexts (`lifted`). */
@Injectable()
export class SanctionLifting {
  constructor(
    private readonly sanctions: AccountSanctionRepository,
    private readonly lifts: SanctionLiftRepository,
    private readonly decisions: ModerationDecisionRepository,
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

  /**
   * A decision overturned on appeal takes back the automatic repeat-offender timeout it triggered,
   * when that timeout is the mute in force (a longer one decided since is kept). False otherwise.
   */
  async undoEscalationOf(input: {
    decisionId: string;
    userId: string;
    liftedBy: string;
    reason: string;
    appealId: string | null;
    at: Date;
  }): Promise<boolean> {
    const escalation = await this.decisions.escalationTriggeredBy(input.decisionId);
    const end = escalation?.endOfMute();
    if (!escalation || !end || end <= input.at) return false;
    const mutedUntil = (await this.sanctions.of(input.userId))?.mutedUntil;
    if (!mutedUntil || mutedUntil.getTime() !== end.getTime()) return false;
    return this.lift({
      userId: input.userId,
      sanction: 'timeout',
      liftedBy: input.liftedBy,
      reason: input.reason,
      appealId: input.appealId,
      at: input.at,
    });
  }
}
