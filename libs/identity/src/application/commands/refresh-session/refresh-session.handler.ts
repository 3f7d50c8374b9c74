import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SessionRevocations, UnitOfWork } from '@lib/platform';
import { InvalidRefreshTokenError } from '../../../domain/session/session.errors.js';
import { SessionRepository } from '../../../domain/session/session.repository.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { hashSecret } from '../../secrets.js';
import { SessionTokens } from '../../session-tokens.js';
import { RefreshSessionCommand } from './refresh-session.command.js';

/**
 * Rotates a refresh token: each one works once. A token presented a second time was copied, so the
 * session it belongs to ends for everyone holding it (OAuth 2.0 Security BCP, refresh token rotation),
 * open sockets included.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly sessionTokens: SessionTokens,
    private readonly revocations: SessionRevocations,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: RefreshSessionCommand) {
    const claim = await this.sessions.claimRefreshToken(hashSecret(command.refreshToken));
    if (claim.outcome === 'unknown')
      throw new InvalidRefreshTokenError('identity.refresh-token.invalid', 'The refresh token is invalid');
    if (claim.outcome === 'expired')
      throw new InvalidRefreshTokenError(
        'identity.refresh-token.expired',
        'The refresh token has expired; log in again',
      );

    const session = await this.sessions.findById(claim.sessionId);
    if (claim.outcome === 'reused') {
      if (session?.isActive()) {
        session.end('refresh-token-reused');
        await this.sessions.save(session);
        await this.revocations.revoke(session.id);
      }
      throw new InvalidRefreshTokenError(
        'identity.refresh-token.reused',
        'This refresh token was already used; the session has been ended',
      );
    }
    if (!session?.isActive())
      throw new InvalidRefreshTokenError('identity.session.ended', 'This session has ended; log in again');
    const user = await this.users.findById(session.userId);
    if (!user) throw new InvalidRefreshTokenError('identity.session.ended', 'This session has ended; log in again');

    return this.unitOfWork.transactional(async () => {
      session.lastRefreshedAt = new Date();
      await this.sessions.save(session);
      return this.sessionTokens.issue(user, session);
    });
  }
}
