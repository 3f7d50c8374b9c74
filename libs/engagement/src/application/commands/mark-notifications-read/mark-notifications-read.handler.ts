import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RealtimeEmitter, UnitOfWork } from '@lib/platform';
import { NotificationNotFoundError } from '../../../domain/notification/notification.errors.js';
import { NotificationRepository } from '../../../domain/notification/notification.repository.js';
import { NotificationsReadModel } from '../../read-models/notifications.read-model.js';
import { MarkNotificationsReadCommand } from './mark-notifications-read.command.js';
import { NOTIFICATION_READ } from '../../realtime-events.js';

/** Marks one or all read; the user's other devices get the new unread count. */
@CommandHandler(MarkNotificationsReadCommand)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsReadCommand> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly readModel: NotificationsReadModel,
    private readonly unitOfWork: UnitOfWork,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async execute({ userId, notificationId }: MarkNotificationsReadCommand) {
    const marked = await this.unitOfWork.transactional(async () => {
      if (!notificationId) return this.notifications.markAllRead(userId);
      const notification = await this.notifications.findOwned(notificationId, userId);
      if (!notification) throw new NotificationNotFoundError(notificationId);
      return notification.markRead() ? 1 : 0;
    });
    const unread = await this.readModel.unreadCount(userId);
    this.realtime.toUser(userId, NOTIFICATION_READ, { notificationId, unread });
    return { marked, unread };
  }
}
