import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeHandle } from '../../../domain/user/profile-values.js';
import { HandleAlreadyTakenError, UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { toUserView } from '../../views.js';
import { UpdateProfileCommand } from './update-profile.command.js';

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(private readonly users: UserRepository) {}

  async execute(command: UpdateProfileCommand) {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    if (command.changes.handle !== undefined) {
      const handle = normalizeHandle(command.changes.handle);
      const holder = await this.users.findByHandle(handle);
      if (holder && holder.id !== user.id) throw new HandleAlreadyTakenError(handle);
    }
    if (user.changeProfile(command.changes).length) await this.users.save(user);
    return toUserView(user);
  }
}
