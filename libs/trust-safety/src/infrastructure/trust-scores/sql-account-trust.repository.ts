import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CONFIRMED_VIOLATIONS } from '../../domain/actions/moderation-decision.js';
import {
  AccountTrustRepository,
  NO_TRUST_INPUTS,
  type AccountTrustRecord,
  type ScoredTrustLevel,
  type TrustInputs,
} from '../../domain/trust-scores/trust-score.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TrustRow {
  user_id: string;
  score: number;
  level: number;
  inputs: Partial<TrustInputs> | null;
  email_verified_at: Date | null;
  account_created_at: Date | null;
  pinned_level: number | null;
  pinned_by: string | null;
  pinned_reason: string | null;
  pinned_at: Date | null;
  computed_at: Date | null;
}

const date = (value: Date | string | null) => (value ? new Date(value) : null);

function toRecord(row: TrustRow): AccountTrustRecord {
  return {
    userId: row.user_id,
    score: Number(row.score),
    level: Number(row.level) as ScoredTrustLevel,
    inputs: { ...NO_TRUST_INPUTS, ...(row.inputs ?? {}) },
    emailVerified: Boolean(row.email_verified_at),
    accountCreatedAt: date(row.account_created_at),
    pin:
      row.pinned_level === null
        ? null
        : {
            level: Number(row.pinned_level) as ScoredTrustLevel,
            by: row.pinned_by!,
            reason: row.pinned_reason ?? '',
            at: date(row.pinned_at)!,
          },
    computedAt: date(row.computed_at) ?? new Date(0),
  };
}

/** Trust records in `trust_safety.account_trust`, follows mirrored from engagement in `trust_follows`. */
@Injectable()
export class SqlAccountTrustRepository extends AccountTrustRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async of(userId: string): Promise<AccountTrustRecord | null> {
    if (!UUID.test(userId)) return null;
    const [row] = await this.em.execute<TrustRow[]>('select * from trust_safety.account_trust where user_id = ?', [
      userId,
    ]);
    return row ? toRecord(row) : null;
  }

  async lockedOf(userId: string): Promise<AccountTrustRecord | null> {
    if (!UUID.test(userId)) return null;
    // The row exists before it is locked, so a first recomputation is serialised too.
    await this.em.execute(
      `insert into trust_safety.account_trust (user_id, updated_at) values (?, now()) on conflict (user_id) do nothing`,
      [userId],
    );
    const [row] = await this.em.execute<TrustRow[]>(
      'select * from trust_safety.account_trust where user_id = ? for update',
      [userId],
    );
    return row ? toRecord(row) : null;
  }

  async save(record: AccountTrustRecord): Promise<void> {
    await this.em.execute(
      `insert into trust_safety.account_trust (user_id, score, level, inputs, account_created_at, computed_at, updated_at)
       values (?, ?, ?, ?::jsonb, ?, ?, now())
       on conflict (user_id) do update set score = excluded.score, level = excluded.level, inputs = excluded.inputs,
         account_created_at = excluded.account_created_at, computed_at = excluded.computed_at, updated_at = now()`,
      [
        record.userId,
        record.score,
        record.level,
        JSON.stringify(record.inputs),
        record.accountCreatedAt,
        record.computedAt,
      ],
    );
  }

  async pin(userId: string, pin: NonNullable<AccountTrustRecord['pin']>): Promise<void> {
    await this.em.execute(
      `insert into trust_safety.account_trust (user_id, pinned_level, pinned_by, pinned_reason, pinned_at, updated_at)
       values (?, ?, ?, ?, ?, now())
       on conflict (user_id) do update set pinned_level = excluded.pinned_level, pinned_by = excluded.pinned_by,
         pinned_reason = excluded.pinned_reason, pinned_at = excluded.pinned_at, updated_at = now()`,
      [userId, pin.level, pin.by, pin.reason, pin.at],
    );
  }

  async unpin(userId: string): Promise<boolean> {
    if (!UUID.test(userId)) return false;
    const rows = await this.em.execute<{ user_id: string }[]>(
      `update trust_safety.account_trust set pinned_level = null, pinned_by = null, pinned_reason = null,
         pinned_at = null, updated_at = now() where user_id = ? and pinned_level is not null returning user_id`,
      [userId],
    );
    return rows.length > 0;
  }

  async noteEmailVerified(userId: string, at: Date): Promise<void> {
    await this.em.execute(
      `insert into trust_safety.account_trust (user_id, email_verified_at, updated_at) values (?, ?, now())
       on conflict (user_id) do update
         set email_verified_at = coalesce(account_trust.email_verified_at, excluded.email_verified_at), updated_at = now()`,
      [userId, at],
    );
  }

  async noteFollow(followerId: string, followeeId: string, at: Date): Promise<void> {
    await this.em.execute(
      `insert into trust_safety.trust_follows (follower_id, followee_id, followed_at) values (?, ?, ?)
       on conflict do nothing`,
      [followerId, followeeId, at],
    );
  }

  async noteUnfollow(followerId: string, followeeId: string): Promise<void> {
    await this.em.execute('delete from trust_safety.trust_follows where follower_id = ? and followee_id = ?', [
      followerId,
      followeeId,
    ]);
  }

  async countsOf(userId: string) {
    const [row] = await this.em.execute<
      {
        violations: string;
        accepted: string;
        rejected: string;
        followers: string;
        upheld: string;
        email_verified: boolean;
      }[]
    >(
      `select
         (select count(*) from trust_safety.decisions d
           where d.subject_user_id = ? and d.action in (${CONFIRMED_VIOLATIONS.map(() => '?').join(', ')})) as violations,
         (select count(*) from trust_safety.reports r
           where r.reporter_id = ? and r.status = 'resolved' and r.outcome is not null and r.outcome <> 'dismiss') as accepted,
         (select count(*) from trust_safety.reports r
           where r.reporter_id = ? and r.status = 'resolved' and r.outcome = 'dismiss') as rejected,
         (select count(distinct f.follower_id) from trust_safety.trust_follows f
           join trust_safety.account_trust t on t.user_id = f.follower_id
           where f.followee_id = ? and f.follower_id <> ? and coalesce(t.pinned_level, t.level) >= 1) as followers,
         (select count(*) from trust_safety.appeals p where p.appellant_id = ? and p.status = 'upheld') as upheld,
         exists (select 1 from trust_safety.account_trust a
           where a.user_id = ? and a.email_verified_at is not null) as email_verified`,
      [userId, ...CONFIRMED_VIOLATIONS, userId, userId, userId, userId, userId, userId],
    );
    return {
      confirmedViolations: Number(row?.violations ?? 0),
      acceptedReports: Number(row?.accepted ?? 0),
      rejectedReports: Number(row?.rejected ?? 0),
      establishedFollowers: Number(row?.followers ?? 0),
      upheldAppeals: Number(row?.upheld ?? 0),
      emailVerified: Boolean(row?.email_verified),
    };
  }
}
