import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { PersonRepository } from '../../../domain/person/person.repository.js';
import { notificationViews } from '../../notification-views.js';
import { NotificationsReadModel } from '../../read-models/notifications.read-model.js';
import { ListNotificationsQuery } from './list-notifications.query.js';

/** Newest activity first (a group moves up when it grows); keyset cursor on (updated_at, id). */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(
    private readonly notifications: NotificationsReadModel,
    private readonly people: PersonRepository,
  ) {}

  async execute({ userId, unreadOnly, limit, cursor }: ListNotificationsQuery) {
    const rows = await this.notifications.page(userId, unreadOnly, limit + 1, decodeKeysetCursor(cursor));
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await notificationViews(items, this.people),
      unread: await this.notifications.unreadCount(userId),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.updatedAt, last.id) : undefined,
    };
  }
}
