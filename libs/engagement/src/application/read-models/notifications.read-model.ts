import type { Notification } from '../../domain/notification/notification.js';

export abstract class NotificationsReadModel {
  /** Newest activity first (a group moves up when it grows), after the keyset position (updated_at, id). */
  abstract page(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<Notification[]>;
  abstract unreadCount(userId: string): Promise<number>;
}
