import { Command } from '@nestjs/cqrs';
import type { AppealOutcome } from '../../../domain/appeals/appeal.js';
import type { AppealDetailView } from '../appeal-views.js';

export class DecideAppealCommand extends Command<AppealDetailView> {
  constructor(
    readonly appealId: string,
    readonly moderatorId: string,
    readonly outcome: AppealOutcome,
    readonly reason: string,
  ) {
    super();
  }
}
