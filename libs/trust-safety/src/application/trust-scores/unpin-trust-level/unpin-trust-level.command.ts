import { Command } from '@nestjs/cqrs';
import type { AccountModerationView } from '../account-moderation-view.js';

export class UnpinTrustLevelCommand extends Command<AccountModerationView> {
  constructor(
    readonly userId: string,
    readonly moderatorId: string,
  ) {
    super();
  }
}
