import { Command } from '@nestjs/cqrs';
import type { NotificationType } from '../../../domain/notification/notification.js';

export class MarkNotificationsReadCommand extends Command<{ marked: number; unread: number }> {
  constructor(
    readonly userId: string,
    /** One notification, or all of the user's unread ones when null. */
    readonly notificationId: string | null,
  ) {
    super();
  }
}

export type PreferenceChanges = Partial<Record<NotificationType, { inApp?: boolean; email?: boolean }>>;

export class SetNotificationPreferencesCommand extends Command<Record<string, { inApp: boolean; email: boolean }>> {
  constructor(
    readonly userId: string,
    readonly changes: PreferenceChanges,
  ) {
    super();
  }
}
