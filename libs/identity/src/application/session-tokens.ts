import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { AccessTokens } from '@lib/platform';
import { Session } from '../domain/session/session.js';
import { SessionRepository } from '../domain/session/session.repository.js';
import type { User } from '../domain/user/user.js';
import { hashSecret, newSecret } from './secrets.js';
import type { TokenPair } from './views.js';

/** Issues the token pair of a session: a short-lived access JWT and a rotating refresh token. */
@Injectable()
export class SessionTokens {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accessTokens: AccessTokens,
    private readonly config: AppConfig,
  ) {}

  async start(user: User, userAgent: string | null): Promise<TokenPair> {
    const session = new Session(user.id, userAgent);
    await this.sessions.save(session);
    return this.issue(user, session);
  }

  async issue(user: User, session: Session): Promise<TokenPair> {
    const refreshToken = newSecret();
    const refreshTokenExpiresAt = new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1_000);
    await this.sessions.addRefreshToken(session.id, hashSecret(refreshToken), refreshTokenExpiresAt);
    const { token, expiresIn } = this.accessTokens.issue({ userId: user.id, roles: user.roles, sessionId: session.id });
    return {
      tokenType: 'Bearer',
      accessToken: token,
      expiresIn,
      refreshToken,
      refreshTokenExpiresAt: refreshTokenExpiresAt.toISOString(),
    };
  }
}
