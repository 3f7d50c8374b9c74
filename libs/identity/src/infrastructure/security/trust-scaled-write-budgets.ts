import { Injectable, Logger, Optional } from '@nestjs/common';
import { WriteBudgetScaling } from '@lib/platform';
import { AccountStandings, type AccountStanding } from '@lib/trust-safety/contracts';

/** Trust levels below full trust and the share of the write budget they get. */
const FACTOR_BY_TRUST_LEVEL: Partial<Record<AccountStanding['trustLevel'], number>> = { 0: 0.25, 1: 0.5 };
/** A standing read is reused this long: it changes on moderation, not per request. */
const STANDING_TTL_MS = 30_000;
const MAX_CACHED = 10_000;

/**
 * The write budget of an account follows its trust level, read from trust & safety's
 * `AccountStandings` when that context provides one; without it (or when it fails) everyone gets
 * the full per-user budget, and the per-IP budget still applies.
 */
@Injectable()
export class TrustScaledWriteBudgets extends WriteBudgetScaling {
  private readonly logger = new Logger(TrustScaledWriteBudgets.name);
  private readonly cache = new Map<string, { factor: number; until: number }>();

  constructor(@Optional() private readonly standings?: AccountStandings) {
    super();
  }

  async factorFor(userId: string): Promise<number> {
    if (!this.standings) return 1;
    const cached = this.cache.get(userId);
    if (cached && cached.until > Date.now()) return cached.factor;
    let factor = 1;
    try {
      const standing = await this.standings.standingOf(userId);
      factor = FACTOR_BY_TRUST_LEVEL[standing.trustLevel] ?? 1;
    } catch (error) {
      // Fail open: a trust & safety outage must not stop every write on the platform.
      this.logger.warn({ err: error, userId }, 'account standing unavailable; full write budget applied');
    }
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(userId, { factor, until: Date.now() + STANDING_TTL_MS });
    return factor;
  }
}
