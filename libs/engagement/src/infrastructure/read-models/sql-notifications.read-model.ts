import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { NotificationsReadModel } from '../../application/read-models/notifications.read-model.js';
import { Notification } from '../../domain/notification/notification.js';

@Injectable()
export class SqlNotificationsReadModel extends NotificationsReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  page(userId: string, unreadOnly: boolean, limit: number, after?: { at: Date; id: string }): Promise<Notification[]> {
    const where = {
      userId,
      ...(unreadOnly ? { readAt: null } : {}),
      ...(after ? { $or: [{ updatedAt: { $lt: after.at } }, { updatedAt: after.at, id: { $lt: after.id } }] } : {}),
    };
    return this.em.find(Notification, where, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit });
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ n: number }>>(
      `select count(*)::int as n from engagement.notifications where user_id = ? and read_at is null`,
      [userId],
    );
    return row.n;
  }
}
