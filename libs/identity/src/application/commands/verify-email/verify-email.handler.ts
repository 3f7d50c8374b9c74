import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AccountTokenRejectedError } from '../../../domain/account-token/account-token.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { AccountLinks } from '../../account-links.js';
import { VerifyEmailCommand } from './verify-email.command.js';

/**
 * Follows a verification link: the address it was mailed to becomes verified (and
 * `identity.email-verified.v1` leaves through the outbox with the same commit).
 */
@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly links: AccountLinks,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute({ token }: VerifyEmailCommand) {
    return this.unitOfWork.transactional(async () => {
      const link = await this.links.redeem(token, 'email-verification');
      const user = await this.users.findById(link.userId);
      if (!user) throw new AccountTokenRejectedError('email-verification', 'invalid');
      if (user.verifyEmail(link.email)) await this.users.save(user);
      return { userId: user.id, email: user.email, emailVerified: true as const };
    });
  }
}
