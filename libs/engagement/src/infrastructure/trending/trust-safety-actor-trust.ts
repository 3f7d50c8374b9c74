import { Injectable, Logger, Optional } from '@nestjs/common';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { ActorTrust, type AccountSanction } from '../../application/trending/trending-ports.js';

/** Trust & safety's trust level of an actor; when it cannot answer, the lowest level (never a free pass). */
@Injectable()
export class TrustSafetyActorTrust extends ActorTrust {
  private readonly logger = new Logger(TrustSafetyActorTrust.name);

  constructor(@Optional() private readonly standings?: AccountStandings) {
    super();
  }

  async levelOf(userId: string): Promise<number> {
    if (!this.standings) return 0;
    try {
      return (await this.standings.standingOf(userId)).trustLevel;
    } catch (error) {
      this.logger.warn(`no trust level for ${userId}, counting it as the lowest: ${String(error)}`);
      return 0;
    }
  }

  async sanctionsOf(userIds: string[]): Promise<Map<string, AccountSanction>> {
    const sanctions = new Map<string, AccountSanction>();
    if (!this.standings) return sanctions;
    for (const userId of userIds) {
      const standing = await this.standings.standingOf(userId);
      if (standing.banned) sanctions.set(userId, 'ban');
      else if (standing.suspended) sanctions.set(userId, 'suspension');
    }
    return sanctions;
  }
}
