import { Command } from '@nestjs/cqrs';
import type { AppealView } from '../appeal-views.js';

export class FileAppealCommand extends Command<AppealView> {
  constructor(
    readonly appellantId: string,
    readonly decisionId: string,
    readonly text: string,
  ) {
    super();
  }
}
