import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { NOTIFICATION_TYPE_NAMES } from '../../../domain/notification/notification.js';
import { NotificationPreferenceRepository } from '../../../domain/notification/notification.repository.js';
import { Notifier } from '../../notifier.js';
import { SetNotificationPreferencesCommand } from './set-notification-preferences.command.js';

@CommandHandler(SetNotificationPreferencesCommand)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferencesCommand> {
  constructor(
    private readonly preferences: NotificationPreferenceRepository,
    private readonly notifier: Notifier,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, changes }: SetNotificationPreferencesCommand) {
    const result: Record<string, { inApp: boolean; email: boolean }> = {};
    await this.unitOfWork.transactional(async () => {
      for (const type of NOTIFICATION_TYPE_NAMES) {
        const preference = await this.notifier.preferenceOf(userId, type);
        const change = changes[type];
        if (change) {
          preference.inApp = change.inApp ?? preference.inApp;
          preference.email = change.email ?? preference.email;
          await this.preferences.save(preference);
        }
        result[type] = { inApp: preference.inApp, email: preference.email };
      }
    });
    return result;
  }
}
