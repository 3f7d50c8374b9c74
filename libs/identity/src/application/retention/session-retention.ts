import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { AccountTokenRepository } from '../../domain/account-token/account-token.repository.js';
import { SessionRepository } from '../../domain/session/session.repository.js';

const DAY_MS = 86_400_000;

/**
 * Retention of login state: sessions that ended or lapsed, refresh tokens that expired, and e-mail
 * verification and password reset links that expired, more than IDENTITY_SESSION_RETENTION_DAYS ago are deleted. Idempotent (a cutoff, no state), so
 * overlapping or repeated runs are harmless.
 */
@Injectable()
export class SessionRetention {
  private readonly logger = new Logger(SessionRetention.name);

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
    private readonly accountTokens: AccountTokenRepository,
  ) {}

  async prune(now = new Date()): Promise<{ sessions: number; refreshTokens: number; accountTokens: number }> {
    const before = new Date(now.getTime() - this.config.auth.sessionRetentionDays * DAY_MS);
    const lapsed = await this.sessions.deleteLapsed(before, this.config.auth.refreshTokenTtlSeconds);
    const removed = { ...lapsed, accountTokens: await this.accountTokens.deleteExpiredBefore(before) };
    if (removed.sessions || removed.refreshTokens || removed.accountTokens)
      this.logger.log(removed, 'expired sessions, refresh tokens and account links pruned');
    return removed;
  }
}
