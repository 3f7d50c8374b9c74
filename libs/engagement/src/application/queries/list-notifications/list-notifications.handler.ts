import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { NOTIFICATION_TYPE_NAMES, Notification } from '../../../domain/notification/notification.js';
import { Notifier } from '../../notifier.js';
import { toNotificationView } from '../../notification-views.js';
import { GetNotificationPreferencesQuery, ListNotificationsQuery } from './list-notifications.query.js';
import { unreadCount } from './unread-count.js';

/** Newest activity first (a group moves up when it grows); keyset cursor on (updated_at, id). */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, unreadOnly, limit, cursor }: ListNotificationsQuery) {
    const after = decodeKeysetCursor(cursor);
    const where = {
      userId,
      ...(unreadOnly ? { readAt: null } : {}),
      ...(after ? { $or: [{ updatedAt: { $lt: after.at } }, { updatedAt: after.at, id: { $lt: after.id } }] } : {}),
    };
    const rows = await this.em.find(Notification, where, { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toNotificationView),
      unread: await unreadCount(this.em, userId),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.updatedAt, last.id) : undefined,
    };
  }
}

@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
  ) {}

  async execute({ userId }: GetNotificationPreferencesQuery) {
    const result: Record<string, { inApp: boolean; email: boolean }> = {};
    for (const type of NOTIFICATION_TYPE_NAMES) {
      const preference = await this.notifier.preferenceOf(this.em, userId, type);
      result[type] = { inApp: preference.inApp, email: preference.email };
    }
    return result;
  }
}
