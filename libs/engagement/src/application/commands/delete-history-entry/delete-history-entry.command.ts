import { Command } from '@nestjs/cqrs';

/** Removes one entry of the caller's watch history (its "continue watching" place goes with it). */
export class DeleteHistoryEntryCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly entryId: string,
  ) {
    super();
  }
}
