import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContentRefusedError, ContentScreening, type ScreeningSurface } from '@lib/trust-safety/contracts';
import { normalizeHandle } from '../../../domain/user/profile-values.js';
import type { ProfileChanges, User } from '../../../domain/user/user.js';
import { HandleAlreadyTakenError, UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { toUserView } from '../../views.js';
import { UpdateProfileCommand } from './update-profile.command.js';

@CommandHandler(UpdateProfileCommand)
export class UpdateProfileHandler implements ICommandHandler<UpdateProfileCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly screening: ContentScreening,
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

  /**
   * Names, handles and bios are accepted or refused on the spot (docs/adr/0024): a profile shows one
   * current value, so a `hold` or `hide` verdict is answered like a refusal (422, the old value stays)
   * rather than leaving the user's new text waiting unseen; a `flag` is applied and queued for review.
   */
  private async screenProfileTexts(user: User, changes: ProfileChanges): Promise<void> {
    const texts: [ScreeningSurface, string | null | undefined, string | null][] = [
      ['profile.name', changes.displayName, user.displayName],
      ['profile.name', changes.handle, user.handle],
      ['profile.bio', changes.bio, user.bio],
    ];
    for (const [surface, text, current] of texts) {
      if (!text?.trim() || text.trim() === current) continue;
      const request = { surface, text, authorId: user.id };
      const verdict = await this.screening.check(request);
      if (verdict.action === 'flag') {
        await this.screening.screen({ ...request, content: { type: 'user', id: user.id } });
      } else if (verdict.action !== 'allow') {
        throw new ContentRefusedError({
          surface,
          rule: verdict.rule ?? surface,
          signals: verdict.signals.map((s) => s.signal),
        });
      }
    }
  }
}
