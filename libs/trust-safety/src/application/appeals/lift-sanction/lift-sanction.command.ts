import { Command } from '@nestjs/cqrs';
import type { AccountSanctionKind } from '../../../contracts/index.js';

export interface SanctionLiftView {
  userId: string;
  sanction: AccountSanctionKind;
  liftedBy: string;
  reason: string;
  liftedAt: string;
}

export class LiftSanctionCommand extends Command<SanctionLiftView> {
  constructor(
    readonly userId: string,
    readonly sanction: AccountSanctionKind,
    readonly moderatorId: string,
    readonly reason: string,
  ) {
    super();
  }
}
