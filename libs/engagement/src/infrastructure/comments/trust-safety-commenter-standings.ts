import { Injectable, Optional } from '@nestjs/common';
import { AppConfig } from '@config';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { CommenterStandings, type CommenterStanding } from '../../application/comments/commenter-standings.js';

/**
 * Trust & safety's account standing, as comments need it. Until trust & safety provides
 * `AccountStandings`, every account gets the configured mention cap and no timeout applies.
 */
@Injectable()
export class TrustSafetyCommenterStandings extends CommenterStandings {
  constructor(
    private readonly config: AppConfig,
    @Optional() private readonly standings?: AccountStandings,
  ) {
    super();
  }

  async standingOf(userId: string): Promise<CommenterStanding> {
    if (!this.standings) return { maxMentions: this.config.comments.defaultMaxMentions, mutedUntil: null };
    const standing = await this.standings.standingOf(userId);
    return {
      maxMentions: standing.limits.maxMentions,
      mutedUntil: standing.mutedUntil ? new Date(standing.mutedUntil) : null,
    };
  }
}
