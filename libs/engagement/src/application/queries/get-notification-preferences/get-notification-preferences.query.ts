import { Query } from '@nestjs/cqrs';

export class GetNotificationPreferencesQuery extends Query<Record<string, { inApp: boolean; email: boolean }>> {
  constructor(readonly userId: string) {
    super();
  }
}
