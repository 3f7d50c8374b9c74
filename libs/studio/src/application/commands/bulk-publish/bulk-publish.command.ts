import { Command } from '@nestjs/cqrs';
import type { BatchItemReport } from '../../../domain/library/library.js';

/** Publishes (or schedules) or unpublishes several videos; each succeeds or fails on its own. */
export class BulkPublishCommand extends Command<{ items: BatchItemReport[] }> {
  constructor(
    readonly userId: string,
    readonly videoIds: string[],
    readonly publish: boolean,
    readonly at: string | undefined,
    readonly timeZone: string | undefined,
  ) {
    super();
  }
}
