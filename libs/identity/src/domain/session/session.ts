import { newId } from '@lib/platform/ddd';

export type SessionEndReason = 'logout' | 'refresh-token-reused' | 'password-changed' | 'admin';

/**
 * One login on one device. Its refresh tokens rotate on every use; presenting one that was already
 * used means it leaked, and the whole session ends.
 */
export class Session {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  lastRefreshedAt: Date;
  endedAt: Date | null = null;
  endReason: SessionEndReason | null = null;
  readonly userAgent: string | null;

  constructor(userId: string, userAgent: string | null) {
    this.id = newId();
    this.userId = userId;
    this.createdAt = this.lastRefreshedAt = new Date();
    this.userAgent = userAgent?.slice(0, 300) ?? null;
  }

  isActive(): boolean {
    return this.endedAt === null;
  }

  end(reason: SessionEndReason): void {
    if (!this.isActive()) return;
    this.endedAt = new Date();
    this.endReason = reason;
  }
}

/** The result of presenting a refresh token. */
export type RefreshClaim =
  | { outcome: 'claimed'; sessionId: string }
  | { outcome: 'reused'; sessionId: string }
  | { outcome: 'expired' }
  | { outcome: 'unknown' };
