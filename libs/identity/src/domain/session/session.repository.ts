import type { RefreshClaim, Session, SessionEndReason } from './session.js';

export abstract class SessionRepository {
  abstract findById(id: string): Promise<Session | null>;
  abstract save(session: Session): Promise<void>;
  /** Stores a new refresh token (only its hash) for the session. */
  abstract addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date): Promise<void>;
  /** Marks the token used, atomically: of two concurrent uses exactly one claims it. */
  abstract claimRefreshToken(tokenHash: string): Promise<RefreshClaim>;
  /** Ends every active session of the user; returns their ids (to revoke once committed). */
  abstract endAllOf(userId: string, reason: SessionEndReason): Promise<string[]>;
  /**
   * Deletes sessions that ended, or lapsed (last refresh + refresh lifetime), before `before`, with
   * their tokens, and refresh tokens that expired before `before`; returns how many of each.
   */
  abstract deleteLapsed(before: Date, refreshTtlSeconds: number): Promise<{ sessions: number; refreshTokens: number }>;
}
