import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { NotificationView } from '../../notification-views.js';

export class ListNotificationsQuery extends Query<Page<NotificationView> & { unread: number }> {
  constructor(
    readonly userId: string,
    readonly unreadOnly: boolean,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
