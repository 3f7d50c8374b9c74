import { Command } from '@nestjs/cqrs';
import type { BatchItemReport } from '../../../domain/library/library.js';
import type { VideoInput } from '../../video-input.js';

/** Edits several videos at once: all change, or none (the report says which refused and why). */
export class BatchEditCommand extends Command<{ applied: true; items: BatchItemReport[] }> {
  constructor(
    readonly userId: string,
    readonly videoIds: string[],
    readonly changes: Omit<VideoInput, 'episode'>,
  ) {
    super();
  }
}
