/** The levels trust scores map to: 0 new, 1 basic, 2 member, 3 trusted. */
export const TRUST_SCORE_LEVELS = [0, 1, 2, 3] as const;
export type ScoredTrustLevel = (typeof TRUST_SCORE_LEVELS)[number];

/** What an account's trust score is made of; every input is recomputed from events. */
export interface TrustInputs {
  accountAgeDays: number;
  emailVerified: boolean;
  /** Decisions that confirmed a violation by the account (hide, remove, warn, timeout, suspend, ban). */
  confirmedViolations: number;
  /** The account's reports a moderator acted on. */
  acceptedReports: number;
  /** The account's reports a moderator dismissed. */
  rejectedReports: number;
  /** Appeals decided in the account's favour (each gives back one violation's penalty). */
  upheldAppeals: number;
  /** Followers at level 1 or above, each counted once. */
  establishedFollowers: number;
}

export const NO_TRUST_INPUTS: TrustInputs = {
  accountAgeDays: 0,
  emailVerified: false,
  confirmedViolations: 0,
  acceptedReports: 0,
  rejectedReports: 0,
  upheldAppeals: 0,
  establishedFollowers: 0,
};

/**
 * A level is reached at `promoteAt[level]` and kept until the score drops below `demoteBelow[level]`:
 * the gap is the hysteresis, so a score hovering at a threshold does not flip the level back and forth.
 */
export const PROMOTE_AT: Record<Exclude<ScoredTrustLevel, 0>, number> = { 1: 20, 2: 45, 3: 75 };
export const DEMOTE_BELOW: Record<Exclude<ScoredTrustLevel, 0>, number> = { 1: 12, 2: 35, 3: 65 };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The score, 0–100: age (up to 20 over 30 days), a verified e-mail (20), established followers (5 each,
 * up to 25), report accuracy (+2 per accepted, −3 per rejected, within −15…+10), and −25 per confirmed
 * violation that no upheld appeal overturned. Anything more than 15 points above the next threshold
 * needs real history, never age and e-mail alone.
 */
export function trustScore(inputs: TrustInputs): number {
  const age = 20 * clamp(inputs.accountAgeDays / 30, 0, 1);
  const email = inputs.emailVerified ? 20 : 0;
  const followers = clamp(5 * inputs.establishedFollowers, 0, 25);
  const reports = clamp(2 * inputs.acceptedReports - 3 * inputs.rejectedReports, -15, 10);
  const violations = 25 * Math.max(0, inputs.confirmedViolations - inputs.upheldAppeals);
  return Math.round(clamp(age + email + followers + reports - violations, 0, 100) * 100) / 100;
}

/** The level after a recomputation, from the level held so far: promotion and demotion thresholds are apart. */
export function nextTrustLevel(current: ScoredTrustLevel, score: number): ScoredTrustLevel {
  let level = current;
  while (level < 3 && score >= PROMOTE_AT[(level + 1) as 1 | 2 | 3]) level = (level + 1) as ScoredTrustLevel;
  while (level > 0 && score < DEMOTE_BELOW[level as 1 | 2 | 3]) level = (level - 1) as ScoredTrustLevel;
  return level;
}

/** An account's trust as trust & safety keeps it: score, inputs, computed level and a moderator's pin. */
export interface AccountTrustRecord {
  userId: string;
  score: number;
  level: ScoredTrustLevel;
  inputs: TrustInputs;
  emailVerified: boolean;
  accountCreatedAt: Date | null;
  pin: { level: ScoredTrustLevel; by: string; reason: string; at: Date } | null;
  computedAt: Date;
}

/** The level in force: a moderator's pin wins over the computed level. */
export const effectiveLevel = (record: Pick<AccountTrustRecord, 'level' | 'pin'>): ScoredTrustLevel =>
  record.pin?.level ?? record.level;

/** What each level may do; higher levels lift limits. */
export const LIMITS_BY_LEVEL: Record<
  ScoredTrustLevel,
  { maxMentions: number; mayPostLinks: boolean; mayMessageNonFollowers: boolean }
> = {
  0: { maxMentions: 2, mayPostLinks: false, mayMessageNonFollowers: false },
  1: { maxMentions: 5, mayPostLinks: true, mayMessageNonFollowers: true },
  2: { maxMentions: 10, mayPostLinks: true, mayMessageNonFollowers: true },
  3: { maxMentions: 20, mayPostLinks: true, mayMessageNonFollowers: true },
};

/** The facts a recomputation reads, besides the level so far. */
export interface TrustFacts {
  userId: string;
  accountCreatedAt: Date | null;
  emailVerified: boolean;
  confirmedViolations: number;
  acceptedReports: number;
  rejectedReports: number;
  upheldAppeals: number;
  establishedFollowers: number;
}

/** Recomputes one account from its facts as of `now`, moving the level with hysteresis. */
export function recompute(
  facts: TrustFacts,
  previous: Pick<AccountTrustRecord, 'level' | 'pin'> | null,
  now: Date,
): Omit<AccountTrustRecord, 'pin'> & { pin: AccountTrustRecord['pin'] } {
  const inputs: TrustInputs = {
    accountAgeDays: facts.accountCreatedAt
      ? Math.max(0, Math.floor(((now.getTime() - facts.accountCreatedAt.getTime()) / 86_400_000) * 100) / 100)
      : 0,
    emailVerified: facts.emailVerified,
    confirmedViolations: facts.confirmedViolations,
    acceptedReports: facts.acceptedReports,
    rejectedReports: facts.rejectedReports,
    upheldAppeals: facts.upheldAppeals,
    establishedFollowers: facts.establishedFollowers,
  };
  const score = trustScore(inputs);
  return {
    userId: facts.userId,
    score,
    level: nextTrustLevel(previous?.level ?? 0, score),
    inputs,
    emailVerified: facts.emailVerified,
    accountCreatedAt: facts.accountCreatedAt,
    pin: previous?.pin ?? null,
    computedAt: now,
  };
}

/** Storage of trust records and the facts they are computed from (trust & safety's own tables). */
export abstract class AccountTrustRepository {
  abstract of(userId: string): Promise<AccountTrustRecord | null>;
  /** The record, row-locked until the transaction ends, so concurrent recomputations queue up. */
  abstract lockedOf(userId: string): Promise<AccountTrustRecord | null>;
  abstract save(record: AccountTrustRecord): Promise<void>;
  abstract pin(userId: string, pin: NonNullable<AccountTrustRecord['pin']>): Promise<void>;
  abstract unpin(userId: string): Promise<boolean>;
  abstract noteEmailVerified(userId: string, at: Date): Promise<void>;
  abstract noteFollow(followerId: string, followeeId: string, at: Date): Promise<void>;
  abstract noteUnfollow(followerId: string, followeeId: string): Promise<void>;
  /** Violations, upheld appeals, report outcomes and established followers, from trust & safety's own tables. */
  abstract countsOf(
    userId: string,
  ): Promise<Omit<TrustFacts, 'userId' | 'accountCreatedAt' | 'emailVerified'> & { emailVerified: boolean }>;
}
