import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NOTIFICATION_TYPE_NAMES } from '../../../domain/notification/notification.js';
import { Notifier } from '../../notifier.js';
import { GetNotificationPreferencesQuery } from './get-notification-preferences.query.js';

/** Every type with the user's choice, or its default. */
@QueryHandler(GetNotificationPreferencesQuery)
export class GetNotificationPreferencesHandler implements IQueryHandler<GetNotificationPreferencesQuery> {
  constructor(private readonly notifier: Notifier) {}

  async execute({ userId }: GetNotificationPreferencesQuery) {
    const result: Record<string, { inApp: boolean; email: boolean }> = {};
    for (const type of NOTIFICATION_TYPE_NAMES) {
      const preference = await this.notifier.preferenceOf(userId, type);
      result[type] = { inApp: preference.inApp, email: preference.email };
    }
    return result;
  }
}
