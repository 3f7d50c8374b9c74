import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import {
  WatchEntryRepository,
  WatchHistorySettingsRepository,
} from '../../../domain/watch-progress/watch-entry.repository.js';
import { SetHistorySettingsCommand } from './set-history-settings.command.js';

@CommandHandler(SetHistorySettingsCommand)
export class SetHistorySettingsHandler implements ICommandHandler<SetHistorySettingsCommand> {
  constructor(
    private readonly settings: WatchHistorySettingsRepository,
    private readonly entries: WatchEntryRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, enabled }: SetHistorySettingsCommand) {
    await this.unitOfWork.transactional(async () => {
      const settings = await this.settings.of(userId);
      settings.enabled = enabled;
      settings.updatedAt = new Date();
      await this.settings.save(settings);
      // Switching off forgets what was kept, in the same transaction: no entry survives the switch.
      if (!enabled) await this.entries.clear(userId);
    });
    return { enabled };
  }
}
