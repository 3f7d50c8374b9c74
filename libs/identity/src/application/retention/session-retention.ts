import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { SessionRepository } from '../../domain/session/session.repository.js';

const DAY_MS = 86_400_000;

/**
 * Retention of login state: sessions that ended or lapsed, and refresh tokens that expired, more
 * than IDENTITY_SESSION_RETENTION_DAYS ago are deleted. Idempotent (a cutoff, no state), so
 * overlapping or repeated runs are harmless.
 */
@Injectable()
export class SessionRetention {
  private readonly logger = new Logger(SessionRetention.name);

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
  ) {}

  async prune(now = new Date()): Promise<{ sessions: number; refreshTokens: number }> {
    const before = new Date(now.getTime() - this.config.auth.sessionRetentionDays * DAY_MS);
    const removed = await this.sessions.deleteLapsed(before, this.config.auth.refreshTokenTtlSeconds);
    if (removed.sessions || removed.refreshTokens)
      this.logger.log(removed, 'expired sessions and refresh tokens pruned');
    return removed;
  }
}
