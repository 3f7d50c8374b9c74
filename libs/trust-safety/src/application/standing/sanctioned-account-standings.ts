import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { AccountStandings, type AccountStanding } from '../../contracts/index.js';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';
import { LIMITS_BY_LEVEL } from '../../domain/trust-scores/trust-score.js';
import { AccountTrust } from './account-trust.js';

/** The contract port: the sanctions trust & safety keeps, with the trust level's limits. */
@Injectable()
export class SanctionedAccountStandings extends AccountStandings {
  constructor(
    private readonly sanctions: AccountSanctionRepository,
    private readonly trust: AccountTrust,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async standingOf(userId: string): Promise<AccountStanding> {
    const [sanction, trustLevel] = await Promise.all([this.sanctions.of(userId), this.trust.levelOf(userId)]);
    const now = Date.now();
    const mutedUntil = sanction?.mutedUntil && sanction.mutedUntil.getTime() > now ? sanction.mutedUntil : null;
    return {
      userId,
      trustLevel,
      mutedUntil: mutedUntil?.toISOString() ?? null,
      suspended: Boolean(sanction?.suspendedAt),
      banned: Boolean(sanction?.bannedAt),
      limits: this.config.moderation.newAccountGates
        ? { ...LIMITS_BY_LEVEL[trustLevel] }
        : { ...LIMITS_BY_LEVEL[trustLevel], mayPostLinks: true, mayMessageNonFollowers: true },
    };
  }
}
