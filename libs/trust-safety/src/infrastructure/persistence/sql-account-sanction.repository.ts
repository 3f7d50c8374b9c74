import { Injectable } from '@nestjs/common';
import { BoundSql } from '@lib/platform';
import { AccountSanctionRepository, type AccountSanction } from '../../domain/standing/account-sanction.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SqlAccountSanctionRepository extends AccountSanctionRepository {
  // Read on every authenticated request (AuthGuard): bound parameters, no per-value quoting.
  constructor(private readonly sql: BoundSql) {
    super();
  }

  async of(userId: string): Promise<AccountSanction | null> {
    if (!UUID.test(userId)) return null;
    const [row] = await this.sql.execute<
      { user_id: string; muted_until: Date | null; suspended_at: Date | null; banned_at: Date | null }[]
    >('select user_id, muted_until, suspended_at, banned_at from trust_safety.account_sanctions where user_id = ?', [
      userId,
    ]);
    if (!row) return null;
    const date = (value: Date | null) => (value ? new Date(value) : null);
    return {
      userId: row.user_id,
      mutedUntil: date(row.muted_until),
      suspendedAt: date(row.suspended_at),
      bannedAt: date(row.banned_at),
    };
  }

  async muteUntil(userId: string, until: Date, at: Date): Promise<void> {
    // A longer mute already in force is kept.
    await this.sql.execute(
      `insert into trust_safety.account_sanctions (user_id, muted_until, updated_at) values (?, ?, ?)
       on conflict (user_id) do update set muted_until = greatest(account_sanctions.muted_until, excluded.muted_until),
         updated_at = excluded.updated_at`,
      [userId, until, at],
    );
  }

  async suspend(userId: string, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into trust_safety.account_sanctions (user_id, suspended_at, updated_at) values (?, ?, ?)
       on conflict (user_id) do update set suspended_at = coalesce(account_sanctions.suspended_at, excluded.suspended_at),
         updated_at = excluded.updated_at`,
      [userId, at, at],
    );
  }

  async ban(userId: string, at: Date): Promise<void> {
    await this.sql.execute(
      `insert into trust_safety.account_sanctions (user_id, banned_at, updated_at) values (?, ?, ?)
       on conflict (user_id) do update set banned_at = coalesce(account_sanctions.banned_at, excluded.banned_at),
         updated_at = excluded.updated_at`,
      [userId, at, at],
    );
  }

  async lift(userId: string, sanction: 'timeout' | 'suspension' | 'ban', at: Date): Promise<boolean> {
    if (!UUID.test(userId)) return false;
    const column = { timeout: 'muted_until', suspension: 'suspended_at', ban: 'banned_at' }[sanction];
    // A timeout already over is not "in force": lifting it changes nothing.
    const inForce = sanction === 'timeout' ? `${column} > ?` : `${column} is not null`;
    const params = sanction === 'timeout' ? [at, userId, at] : [at, userId];
    const rows = await this.sql.execute<{ user_id: string }[]>(
      `update trust_safety.account_sanctions set ${column} = null, updated_at = ?
       where user_id = ? and ${inForce} returning user_id`,
      params,
    );
    return rows.length > 0;
  }
}
