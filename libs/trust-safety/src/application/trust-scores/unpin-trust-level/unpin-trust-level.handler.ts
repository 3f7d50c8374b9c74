import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { AccountSanctionRepository } from '../../../domain/standing/account-sanction.js';
import { AccountTrustRepository } from '../../../domain/trust-scores/trust-score.js';
import { ModeratedAccountNotFoundError } from '../../../domain/trust-scores/trust-score.errors.js';
import { toAccountModerationView } from '../account-moderation-view.js';
import { TrustScores } from '../trust-scores.js';
import { UnpinTrustLevelCommand } from './unpin-trust-level.command.js';

/** Removes a moderator's pin: the computed level is in force again. Idempotent (audited once). */
@CommandHandler(UnpinTrustLevelCommand)
export class UnpinTrustLevelHandler implements ICommandHandler<UnpinTrustLevelCommand> {
  constructor(
    private readonly scores: TrustScores,
    private readonly records: AccountTrustRepository,
    private readonly sanctions: AccountSanctionRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(command: UnpinTrustLevelCommand) {
    return this.unitOfWork.transactional(async () => {
      const before = await this.scores.recompute(command.userId);
      if (!before) throw new ModeratedAccountNotFoundError();
      if (await this.records.unpin(command.userId)) {
        await this.audit.record({
          actorId: command.moderatorId,
          action: 'trust-safety.trust.unpinned',
          target: { type: 'user', id: command.userId },
          data: { previousPin: before.pin?.level ?? null, computedLevel: before.level },
        });
      }
      const record = (await this.scores.current(command.userId))!;
      return toAccountModerationView(command.userId, record, await this.sanctions.of(command.userId));
    });
  }
}
