import { AggregateRoot, DomainEvent, newId } from '@lib/platform/ddd';

/** A creator's share of the ad revenue earned on their videos was settled. */
export class AdRevenueSettled extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}

/** The creator's part of `grossMillis` (thousandths of a minor unit), floored to whole minor units. */
export function creatorShare(grossMillis: number, share: number): number {
  // In ten-thousandths of a share, so 0.55 never floors 549.999… to 549.
  return Math.floor((grossMillis * Math.round(share * 10_000)) / 10_000_000);
}

/**
 * One settlement of one creator's (or no creator's) unsettled ad impressions in one currency: what advertisers paid for
 * them (gross) and the creator's share. Written once; its event carries it to billing's ledger.
 */
export class AdRevenueSettlement extends AggregateRoot {
  readonly id: string = newId();
  readonly settledAt: Date;
  readonly grossAmount: number;
  readonly shareAmount: number;

  constructor(
    /** Null for impressions on no creator's video (banners off video pages): all revenue is the platform's. */
    readonly creatorId: string | null,
    readonly currency: string,
    readonly impressions: number,
    readonly grossMillis: number,
    /** The creator's fraction (AD_CREATOR_REVENUE_SHARE). */
    readonly share: number,
    settledAt = new Date(),
  ) {
    super();
    this.settledAt = settledAt;
    this.grossAmount = Math.floor(grossMillis / 1000);
    this.shareAmount = creatorId ? creatorShare(grossMillis, share) : 0;
    this.record(new AdRevenueSettled(this.id));
  }
}
