import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RealtimeEmitter } from '@lib/platform';
import { NOTIFICATION_TYPE_NAMES, Notification, NotificationNotFoundError, NotificationPreference } from '../../../domain/notification/notification.js';
import { Notifier } from '../../notifier.js';
import { unreadCount } from '../../queries/list-notifications/unread-count.js';
import { MarkNotificationsReadCommand, SetNotificationPreferencesCommand } from './notifications.commands.js';

/** Marks one or all read; the user's other devices get the new unread count. */
@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsReadCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, notificationId }: MarkNotificationsReadCommand) {
    let marked: number;
    if (notificationId) {
      const notification = await this.em.findOne(Notification, { id: notificationId, userId });
      if (!notification) throw new NotificationNotFoundError(notificationId);
      marked = notification.markRead() ? 1 : 0;
      await this.em.flush();
    } else {
      const rows = await this.em.execute<unknown[]>(`update engagement.notifications set read_at = now() where user_id = ? and read_at is null returning 1`, [userId]);
      marked = rows.length;
    }
    const unread = await unreadCount(this.em, userId);
    this.realtime.toUser(userId, 'notification:read', { notificationId, unread });
    return { marked, unread };
  }
}

@CommandHandler(SetNotificationPreferencesCommand)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferencesCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
  ) {}

  async execute({ userId, changes }: SetNotificationPreferencesCommand) {
    const result: Record<string, { inApp: boolean; email: boolean }> = {};
    await this.em.transactional(async (em) => {
      for (const type of NOTIFICATION_TYPE_NAMES) {
        const preference = await this.notifier.preferenceOf(em, userId, type);
        const change = changes[type];
        if (change) {
          preference.inApp = change.inApp ?? preference.inApp;
          preference.email = change.email ?? preference.email;
          await em.upsert(NotificationPreference, preference);
        }
        result[type] = { inApp: preference.inApp, email: preference.email };
      }
    });
    return result;
  }
}
