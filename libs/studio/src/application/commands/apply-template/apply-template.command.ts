import { Command } from '@nestjs/cqrs';
import type { BatchItemReport } from '../../../domain/library/library.js';

/** Applies a template's defaults to videos (all-or-nothing) and, with `schedule`, schedules the ready ones at its time of day. */
export class ApplyTemplateCommand extends Command<{
  applied: true;
  items: BatchItemReport[];
  scheduled: BatchItemReport[];
}> {
  constructor(
    readonly userId: string,
    readonly templateId: string,
    readonly videoIds: string[],
    readonly schedule: boolean,
  ) {
    super();
  }
}
