import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import type { AdEventClaim, AdEventVerdict } from '../../contracts/index.js';
import { AdEventLedger } from '../../contracts/index.js';
import { verifyDecisionToken } from '../../domain/index.js';
import { DeliveryLedger, DeliveryState } from '../ads-ports.js';
import { LiveCatalog } from './live-catalog.js';

/**
 * Counts reported impressions and clicks for insights' ingestion. The token is verified here (the
 * secret never leaves ads); single use is a primary key per decision and kind in PostgreSQL, so
 * concurrent replays on any node count once. Caps and the cached spend follow after the commit.
 */
@Injectable()
export class AdEventCounter extends AdEventLedger {
  private readonly logger = new Logger(AdEventCounter.name);

  constructor(
    private readonly config: AppConfig,
    private readonly ledger: DeliveryLedger,
    private readonly state: DeliveryState,
    private readonly live: LiveCatalog,
  ) {
    super();
  }

  async count(claims: AdEventClaim[]): Promise<AdEventVerdict[]> {
    const verdicts: AdEventVerdict[] = [];
    // In order: a click after its impression in the same batch counts.
    for (const claim of claims) verdicts.push(await this.countOne(claim));
    return verdicts;
  }

  private async countOne(claim: AdEventClaim): Promise<AdEventVerdict> {
    const now = new Date();
    const verdict = verifyDecisionToken(claim.token, this.config.ads.tokenSecret, now.getTime());
    if (!verdict.ok) return { counted: false, code: verdict.code, reason: verdict.reason };
    const { claims: token } = verdict;
    // A person's decision is theirs alone; a device's decision is proved by holding its token.
    if (token.v.startsWith('u:') && token.v !== `u:${claim.userId}`)
      return { counted: false, code: 'ads.token.invalid', reason: 'the decision was made for another viewer' };
    if (claim.kind === 'impression') {
      const outcome = await this.ledger.recordImpression(token, claim.eventId, now);
      if (outcome.outcome === 'duplicate') return { counted: true };
      if (outcome.outcome === 'replayed')
        return { counted: false, code: 'ads.token.replayed', reason: 'this decision’s impression was already counted' };
      if (outcome.outcome === 'unknown-creative')
        return { counted: false, code: 'ads.token.invalid', reason: 'the creative no longer exists' };
      this.live.accrue(outcome.campaignId, outcome.costMillis);
      // An exhausted campaign leaves every node's set now, not at their next timed reload.
      if (outcome.exhausted) await this.state.bumpCatalogVersion().catch(() => undefined);
      await this.state
        .countImpression(token.v, token.c, now.getTime(), this.config.ads.frequencyWindowMs)
        .catch((error: unknown) => this.logger.warn(`frequency cap not counted: ${String(error)}`));
      return { counted: true };
    }
    const outcome = await this.ledger.recordClick(token, claim.eventId, now);
    if (outcome === 'counted' || outcome === 'duplicate') return { counted: true };
    if (outcome === 'no-impression')
      return {
        counted: false,
        code: 'ads.click.without-impression',
        reason: 'no impression was counted for this decision',
      };
    return { counted: false, code: 'ads.token.replayed', reason: 'this decision’s click was already counted' };
  }
}
