import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MessagingPolicy } from '../../messaging/messaging-policy.js';
import { GetMessagingSettingsQuery } from './get-messaging-settings.query.js';

@QueryHandler(GetMessagingSettingsQuery)
export class GetMessagingSettingsHandler implements IQueryHandler<GetMessagingSettingsQuery> {
  constructor(private readonly policy: MessagingPolicy) {}

  async execute({ userId }: GetMessagingSettingsQuery) {
    return { directMessages: (await this.policy.settingsOf(userId)).directMessages };
  }
}
