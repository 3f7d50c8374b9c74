import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { AccountSanctionRepository } from '../../../domain/standing/account-sanction.js';
import { AccountTrustRepository } from '../../../domain/trust-scores/trust-score.js';
import { ModeratedAccountNotFoundError } from '../../../domain/trust-scores/trust-score.errors.js';
import { toAccountModerationView } from '../account-moderation-view.js';
import { TrustScores } from '../trust-scores.js';
import { PinTrustLevelCommand } from './pin-trust-level.command.js';

/** A moderator fixes an account's level; recomputations go on underneath, the pin wins until removed. */
@CommandHandler(PinTrustLevelCommand)
export class PinTrustLevelHandler implements ICommandHandler<PinTrustLevelCommand> {
  constructor(
    private readonly scores: TrustScores,
    private readonly records: AccountTrustRepository,
    private readonly sanctions: AccountSanctionRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(command: PinTrustLevelCommand) {
    return this.unitOfWork.transactional(async () => {
      const before = await this.scores.recompute(command.userId);
      if (!before) throw new ModeratedAccountNotFoundError();
      const at = new Date();
      await this.records.pin(command.userId, {
        level: command.level,
        by: command.moderatorId,
        reason: command.reason,
        at,
      });
      await this.audit.record({
        actorId: command.moderatorId,
        action: 'trust-safety.trust.pinned',
        target: { type: 'user', id: command.userId },
        reason: command.reason,
        data: { level: command.level, previousPin: before.pin?.level ?? null, computedLevel: before.level },
      });
      const record = (await this.scores.current(command.userId, at))!;
      return toAccountModerationView(command.userId, record, await this.sanctions.of(command.userId), at);
    });
  }
}
