import { Command } from '@nestjs/cqrs';
import type { ScoredTrustLevel } from '../../../domain/trust-scores/trust-score.js';
import type { AccountModerationView } from '../account-moderation-view.js';

export class PinTrustLevelCommand extends Command<AccountModerationView> {
  constructor(
    readonly userId: string,
    readonly moderatorId: string,
    readonly level: ScoredTrustLevel,
    readonly reason: string,
  ) {
    super();
  }
}
