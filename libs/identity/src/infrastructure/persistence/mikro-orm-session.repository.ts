import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Session, type RefreshClaim, type SessionEndReason } from '../../domain/session/session.js';
import { SessionRepository } from '../../domain/session/session.repository.js';

@Injectable()
export class MikroOrmSessionRepository extends SessionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string): Promise<Session | null> {
    return this.em.findOne(Session, { id });
  }

  async save(session: Session): Promise<void> {
    await this.em.persist(session).flush();
  }

  async addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.em.execute('insert into identity.refresh_tokens (token_hash, session_id, expires_at) values (?, ?, ?)', [
      tokenHash,
      sessionId,
      expiresAt,
    ]);
  }

  async claimRefreshToken(tokenHash: string): Promise<RefreshClaim> {
    // One statement decides: of two concurrent uses exactly one sees used_at still null.
    const [row] = await this.em.execute<{ session_id: string; claimed: boolean; expired: boolean }[]>(
      `with target as (
         select token_hash, session_id, used_at, expires_at from identity.refresh_tokens where token_hash = ? for update
       ), claimed as (
         update identity.refresh_tokens t set used_at = now()
           from target where t.token_hash = target.token_hash and target.used_at is null and target.expires_at > now()
         returning t.token_hash
       )
       select target.session_id, exists (select 1 from claimed) as claimed, target.expires_at <= now() as expired from target`,
      [tokenHash],
    );
    if (!row) return { outcome: 'unknown' };
    if (row.claimed) return { outcome: 'claimed', sessionId: row.session_id };
    if (row.expired) return { outcome: 'expired' };
    return { outcome: 'reused', sessionId: row.session_id };
  }

  async deleteLapsed(before: Date, refreshTtlSeconds: number): Promise<{ sessions: number; refreshTokens: number }> {
    // A session nobody refreshed within the refresh lifetime can never be refreshed again: it has lapsed.
    const sessions = await this.em.execute<{ id: string }[]>(
      `delete from identity.sessions
        where coalesce(ended_at, last_refreshed_at + make_interval(secs => ?)) < ? returning id`,
      [refreshTtlSeconds, before],
    );
    const tokens = await this.em.execute<{ token_hash: string }[]>(
      'delete from identity.refresh_tokens where expires_at < ? returning token_hash',
      [before],
    );
    return { sessions: sessions.length, refreshTokens: tokens.length };
  }

  async endAllOf(userId: string, reason: SessionEndReason): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      'update identity.sessions set ended_at = now(), end_reason = ? where user_id = ? and ended_at is null returning id',
      [reason, userId],
    );
    return rows.map((row) => row.id);
  }
}
