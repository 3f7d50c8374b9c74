import { Command } from '@nestjs/cqrs';

/** Deletes the caller's whole watch history; answers how many entries went. */
export class ClearHistoryCommand extends Command<{ deleted: number }> {
  constructor(readonly userId: string) {
    super();
  }
}
