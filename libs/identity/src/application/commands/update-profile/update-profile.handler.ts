import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { normalizeHandle } from '../../../domain/user/profile-values.js';
import type { ProfileChanges, User } from '../../../domain/user/user.js';
import { HandleAlreadyTakenError, UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { ProfileTexts } from '../../profile-texts.js';
import { toUserView } from '../../views.js';
import { UpdateProfileCommand } from './update-profile.command.js';

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly profileTexts: ProfileTexts,
  ) {}

  async execute(command: UpdateProfileCommand) {
    const user = await this.users.findById(command.userId);
    if (!user) throw new UserNotFoundError();
    if (command.changes.handle !== undefined) {
      const handle = normalizeHandle(command.changes.handle);
      const holder = await this.users.findByHandle(handle);
      if (holder && holder.id !== user.id) throw new HandleAlreadyTakenError(handle);
    }
    await this.screenProfileTexts(user, command.changes);
    if (user.changeProfile(command.changes).length) await this.users.save(user);
    return toUserView(user);
  }

  /** Only what changes is screened: an unchanged name is not judged again. */
  private screenProfileTexts(user: User, changes: ProfileChanges): Promise<void> {
    const changed = (text: string | null | undefined, current: string | null) =>
      text?.trim() && text.trim() !== current ? text : undefined;
    return this.profileTexts.assertAcceptable(user.id, [
      ['profile.name', changed(changes.displayName, user.displayName)],
      ['profile.name', changed(changes.handle, user.handle)],
      ['profile.bio', changed(changes.bio, user.bio)],
    ]);
  }
}
