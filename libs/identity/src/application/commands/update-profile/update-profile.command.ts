import { Command } from '@nestjs/cqrs';
import type { ProfileChanges } from '../../../domain/user/user.js';
import type { UserView } from '../../views.js';

export class UpdateProfileCommand extends Command<UserView> {
  constructor(
    readonly userId: string,
    readonly changes: ProfileChanges,
  ) {
    super();
  }
}
