import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionRevocations, UnitOfWork } from '@lib/platform';
import { AccountTokenRejectedError } from '../../../domain/account-token/account-token.errors.js';
import { AccountTokenRepository } from '../../../domain/account-token/account-token.repository.js';
import { PasswordHasher } from '../../../domain/password-hasher.js';
import { SessionRepository } from '../../../domain/session/session.repository.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { AccountLinks } from '../../account-links.js';
import { assertAcceptablePassword } from '../../password-policy.js';
import { ResetPasswordCommand } from './reset-password.command.js';

/**
 * Sets a new password through a reset link. Whoever knew the old one is out: every session of the
 * account ends, its access tokens are refused and its sockets close on every node (after the commit).
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly links: AccountLinks,
    private readonly hasher: PasswordHasher,
    private readonly revocations: SessionRevocations,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ token, newPassword }: ResetPasswordCommand): Promise<void> {
    // Checked before the link is used up, so a refused password does not cost the user their link.
    const link = await this.links.inspect(token, 'password-reset');
    const user = await this.users.findById(link.userId);
    if (!user) throw new AccountTokenRejectedError('password-reset', 'invalid');
    assertAcceptablePassword(newPassword, { email: user.email, handle: user.handle });
    const passwordHash = await this.hasher.hash(newPassword);

    await this.unitOfWork.transactional(async () => {
      await this.links.redeem(token, 'password-reset');
      const current = await this.users.findById(user.id);
      if (!current) throw new AccountTokenRejectedError('password-reset', 'invalid');
      current.changePasswordHash(passwordHash);
      await this.users.save(current);
      await this.tokens.expireOutstanding(current.id, 'password-reset');
      const ended = await this.sessions.endAllOf(current.id, 'password-changed');
      this.unitOfWork.afterCommit(async () => {
        for (const sessionId of ended) await this.revocations.revoke(sessionId);
      });
    });
  }
}
