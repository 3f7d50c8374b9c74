import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';

/**
 * Ads settled ad revenue, and a creator's share of the ad revenue earned on their videos: `grossAmount` is what
 * advertisers paid for those impressions, `shareAmount` the creator's part (minor units of `currency`).
 * One per `settlementId`; billing turns it into a creator ledger entry and an `ads` revenue journal entry.
 */
export class AdRevenueSharedV1 extends IntegrationEvent {
  static override readonly type = 'ads.revenue-shared.v1';

  @IsUUID() readonly settlementId!: string;
  /** Null: impressions on no creator's video (the revenue is the platform's alone, `shareAmount` 0). */
  @IsOptional() @IsUUID() readonly creatorId!: string | null;
  @IsString() @Matches(/^[a-z]{3}$/) readonly currency!: string;
  @IsInt() @Min(0) readonly impressions!: number;
  @IsInt() @Min(0) readonly grossAmount!: number;
  @IsInt() @Min(0) readonly shareAmount!: number;
  @IsISO8601() readonly settledAt!: string;

  constructor(payload: AdRevenueSharedV1) {
    super();
    Object.assign(this, payload);
  }
}
