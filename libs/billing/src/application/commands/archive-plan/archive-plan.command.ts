import { Command } from '@nestjs/cqrs';
import type { PlanView } from '../../plan-views.js';

export class ArchivePlanCommand extends Command<PlanView> {
  constructor(
    readonly planId: string,
    readonly archived: boolean,
    /** The admin making the change, for the audit log. */
    readonly actorId: string,
  ) {
    super();
  }
}
