import type { Notification, NotificationPreference, NotificationType } from './notification.js';

export abstract class NotificationRepository {
  /** The recipient's unread notification of this group, locked until the unit of work ends. */
  abstract openGroupForUpdate(userId: string, groupKey: string): Promise<Notification | null>;
  abstract findOwned(id: string, userId: string): Promise<Notification | null>;
  /** Which of `userIds` already have a notification of this type about this subject. */
  abstract recipientsAlreadyTold(type: NotificationType, subjectId: string, userIds: string[]): Promise<Set<string>>;
  /** Marks every unread notification of the user read; returns how many. */
  abstract markAllRead(userId: string): Promise<number>;
  /** Saved with the current unit of work. */
  abstract add(notification: Notification): void;
}

export abstract class NotificationPreferenceRepository {
  /** The stored choice, or null when the user keeps the type's default. */
  abstract find(userId: string, type: NotificationType): Promise<NotificationPreference | null>;
  abstract save(preference: NotificationPreference): Promise<void>;
}
