import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '../../../contracts/index.js';
import { SanctionNotInForceError } from '../../../domain/appeals/appeal.errors.js';
import { SanctionLifting } from '../sanction-lifting.js';
import { LiftSanctionCommand } from './lift-sanction.command.js';

/** A moderator ends a timeout, suspension or ban in force early; other contexts hear `lifted`. */
@CommandHandler(LiftSanctionCommand)
export class LiftSanctionHandler implements ICommandHandler<LiftSanctionCommand> {
  constructor(
    private readonly lifting: SanctionLifting,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(command: LiftSanctionCommand) {
    return this.unitOfWork.transactional(async () => {
      const now = new Date();
      const lifted = await this.lifting.lift({
        userId: command.userId,
        sanction: command.sanction,
        liftedBy: command.moderatorId,
        reason: command.reason,
        appealId: null,
        at: now,
      });
      if (!lifted) throw new SanctionNotInForceError(command.sanction);
      await this.audit.record({
        actorId: command.moderatorId,
        action: 'trust-safety.sanction.lifted',
        target: { type: 'user', id: command.userId },
        reason: command.reason,
        data: { sanction: command.sanction },
      });
      return {
        userId: command.userId,
        sanction: command.sanction,
        liftedBy: command.moderatorId,
        reason: command.reason,
        liftedAt: now.toISOString(),
      };
    });
  }
}
