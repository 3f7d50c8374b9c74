import { Injectable } from '@nestjs/common';
import { AccountDirectory } from '@lib/identity/contracts';
import {
  AccountTrustRepository,
  effectiveLevel,
  nextTrustLevel,
  recompute,
  trustScore,
  type AccountTrustRecord,
  type ScoredTrustLevel,
} from '../../domain/trust-scores/trust-score.js';

/**
 * Trust scores: recomputed from events into `trust_safety.account_trust` (the level moves with
 * hysteresis), read by standings, report weights and the moderators' account view.
 */
@Injectable()
export class TrustScores {
  constructor(
    private readonly records: AccountTrustRepository,
    private readonly accounts: AccountDirectory,
  ) {}

  /** Recomputes and stores one account in the caller's transaction; null when there is no such account. */
  async recompute(userId: string, now = new Date()): Promise<AccountTrustRecord | null> {
    const account = await this.accounts.accountOf(userId);
    if (!account) return null;
    const previous = await this.records.lockedOf(userId);
    const counts = await this.records.countsOf(userId);
    const next = recompute(
      {
        userId,
        accountCreatedAt: account.createdAt,
        ...counts,
      },
      previous,
      now,
    );
    await this.records.save(next);
    return next;
  }

  /**
   * The account's record as of now: the stored inputs with today's account age (age only ever adds, so
   * the stored level is a sound start for the hysteresis); computed on the spot for an account never seen.
   */
  async current(userId: string, now = new Date()): Promise<AccountTrustRecord | null> {
    const stored = await this.records.of(userId);
    if (!stored || stored.computedAt.getTime() === 0) {
      const account = await this.accounts.accountOf(userId);
      if (!account) return null;
      const counts = await this.records.countsOf(userId);
      const fresh = recompute({ userId, accountCreatedAt: account.createdAt, ...counts }, stored, now);
      return { ...fresh, pin: stored?.pin ?? null };
    }
    if (!stored.accountCreatedAt) return stored;
    const inputs = {
      ...stored.inputs,
      accountAgeDays: Math.max(0, Math.floor((now.getTime() - stored.accountCreatedAt.getTime()) / 864_000) / 100),
    };
    const score = trustScore(inputs);
    return { ...stored, inputs, score, level: nextTrustLevel(stored.level, score) };
  }

  /** The level in force: a moderator's pin, else the computed level (0 for an unknown account). */
  async levelOf(userId: string): Promise<ScoredTrustLevel> {
    const record = await this.current(userId);
    return record ? effectiveLevel(record) : 0;
  }
}
