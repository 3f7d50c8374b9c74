import { Command } from '@nestjs/cqrs';
import type { NotificationType } from '../../../domain/notification/notification.js';

export type PreferenceChanges = Partial<Record<NotificationType, { inApp?: boolean; email?: boolean }>>;

export class SetNotificationPreferencesCommand extends Command<Record<string, { inApp: boolean; email: boolean }>> {
  constructor(
    readonly userId: string,
    readonly changes: PreferenceChanges,
  ) {
    super();
  }
}
