import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WatchEntryRepository } from '../../../domain/watch-progress/watch-entry.repository.js';
import { ClearHistoryCommand } from './clear-history.command.js';

@CommandHandler(ClearHistoryCommand)
export class ClearHistoryHandler implements ICommandHandler<ClearHistoryCommand> {
  constructor(private readonly entries: WatchEntryRepository) {}

  async execute({ userId }: ClearHistoryCommand) {
    return { deleted: await this.entries.clear(userId) };
  }
}
