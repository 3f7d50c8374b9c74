import type { DirectMessagePolicy } from '../../../domain/messaging-settings/messaging-settings.js';

export class SetMessagingSettingsCommand {
  constructor(
    readonly userId: string,
    readonly directMessages: DirectMessagePolicy,
  ) {}
}
