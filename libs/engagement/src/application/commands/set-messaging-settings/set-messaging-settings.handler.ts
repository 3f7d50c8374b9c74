import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { MessagingSettings } from '../../../domain/messaging-settings/messaging-settings.js';
import { MessagingSettingsRepository } from '../../../domain/messaging-settings/messaging-settings.repository.js';
import { SetMessagingSettingsCommand } from './set-messaging-settings.command.js';

@CommandHandler(SetMessagingSettingsCommand)
export class SetMessagingSettingsHandler implements ICommandHandler<SetMessagingSettingsCommand> {
  constructor(
    private readonly settings: MessagingSettingsRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, directMessages }: SetMessagingSettingsCommand) {
    await this.unitOfWork.transactional(async () => {
      const settings = (await this.settings.find(userId)) ?? new MessagingSettings(userId, directMessages);
      settings.directMessages = directMessages;
      this.settings.add(settings);
    });
    return { directMessages };
  }
}
