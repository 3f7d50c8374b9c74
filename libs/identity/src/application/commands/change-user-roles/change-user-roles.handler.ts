import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { LastAdminError, UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { toUserView } from '../../views.js';
import { ChangeUserRolesCommand } from './change-user-roles.command.js';

/** Admin-only. Roles in already-issued access tokens change at their next refresh (≤ the token TTL). */
@CommandHandler(ChangeUserRolesCommand)
export class ChangeUserRolesHandler implements ICommandHandler<ChangeUserRolesCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditLog,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(command: ChangeUserRolesCommand) {
    // The change and its audit entry commit together.
    return this.unitOfWork.transactional(async () => {
      const user = await this.users.findById(command.userId);
      if (!user) throw new UserNotFoundError();
      const losesAdmin = user.hasRole('admin') && !command.roles.includes('admin');
      if (losesAdmin && (await this.users.countAdmins()) <= 1) throw new LastAdminError();
      const before = [...user.roles];
      if (user.setRoles(command.roles)) {
        await this.users.save(user);
        await this.audit.record({
          actorId: command.actorId,
          action: 'identity.roles.changed',
          target: { type: 'user', id: user.id },
          data: { before, after: [...user.roles] },
        });
      }
      return toUserView(user);
    });
  }
}
