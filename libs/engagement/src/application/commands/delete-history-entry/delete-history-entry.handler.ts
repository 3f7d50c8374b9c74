import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { HistoryEntryNotFoundError } from '../../../domain/watch-progress/watch-progress.errors.js';
import { WatchEntryRepository } from '../../../domain/watch-progress/watch-entry.repository.js';
import { DeleteHistoryEntryCommand } from './delete-history-entry.command.js';

@CommandHandler(DeleteHistoryEntryCommand)
export class DeleteHistoryEntryHandler implements ICommandHandler<DeleteHistoryEntryCommand> {
  constructor(private readonly entries: WatchEntryRepository) {}

  async execute({ userId, entryId }: DeleteHistoryEntryCommand): Promise<void> {
    if (!(await this.entries.remove(userId, entryId))) throw new HistoryEntryNotFoundError(entryId);
  }
}
