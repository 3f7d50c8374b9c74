import { Command } from '@nestjs/cqrs';
import type { Role } from '../../../domain/user/role.js';
import type { UserView } from '../../views.js';

export class ChangeUserRolesCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly roles: Role[],
    /** The admin making the change, for the audit log. */
    readonly actorId: string,
  ) {
    super();
  }
}
