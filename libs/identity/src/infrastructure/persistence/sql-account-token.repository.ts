import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AccountToken, AccountTokenClaim, AccountTokenPurpose } from '../../domain/account-token/account-token.js';
import { AccountTokenRepository } from '../../domain/account-token/account-token.repository.js';

interface AccountTokenRow {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  email: string;
  expires_at: Date;
  used_at: Date | null;
}

const toToken = (row: AccountTokenRow): AccountToken => ({
  id: row.id,
  userId: row.user_id,
  purpose: row.purpose,
  email: row.email,
  expiresAt: new Date(row.expires_at),
});

@Injectable()
export class SqlAccountTokenRepository extends AccountTokenRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(token: AccountToken): Promise<void> {
    await this.em.execute(
      'insert into identity.account_tokens (id, user_id, purpose, email, expires_at) values (?, ?, ?, ?, ?)',
      [token.id, token.userId, token.purpose, token.email, token.expiresAt],
    );
  }

  async claim(id: string, purpose: AccountTokenPurpose): Promise<AccountTokenClaim> {
    // One statement decides: of two concurrent uses exactly one sees used_at still null.
    const [row] = await this.em.execute<(AccountTokenRow & { claimed: boolean; expired: boolean })[]>(
      `with target as (
         select * from identity.account_tokens where id = ? and purpose = ? for update
       ), claimed as (
         update identity.account_tokens t set used_at = now()
           from target where t.id = target.id and target.used_at is null and target.expires_at > now()
         returning t.id
       )
       select target.*, exists (select 1 from claimed) as claimed, target.expires_at <= now() as expired from target`,
      [id, purpose],
    );
    if (!row) return { outcome: 'unknown' };
    if (row.claimed) return { outcome: 'claimed', token: toToken(row) };
    if (row.used_at) return { outcome: 'used' };
    return { outcome: 'expired' };
  }

  async find(id: string, purpose: AccountTokenPurpose): Promise<(AccountToken & { usedAt: Date | null }) | null> {
    const [row] = await this.em.execute<(AccountTokenRow & { expired: boolean })[]>(
      'select * from identity.account_tokens where id = ? and purpose = ?',
      [id, purpose],
    );
    return row ? { ...toToken(row), usedAt: row.used_at ? new Date(row.used_at) : null } : null;
  }

  async expireOutstanding(userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.em.execute(
      'update identity.account_tokens set used_at = now() where user_id = ? and purpose = ? and used_at is null',
      [userId, purpose],
    );
  }

  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      'delete from identity.account_tokens where expires_at < ? returning id',
      [cutoff],
    );
    return rows.length;
  }
}
