import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { REVENUE_STREAM_NAMES, type RevenueStreamName } from '../revenue-streams.js';

/**
 * One entry of billing's revenue journal (tips, commission, gifts, ads, overage): signed minor units of one currency,
 * negative when money was reversed. Written to the outbox with the entry, once per entry; insights rolls the streams
 * up from these, so its figures and the admin revenue metrics come from the same entries (docs/adr/0061).
 */
export class RevenueRecordedV1 extends IntegrationEvent {
  static override readonly type = 'billing.revenue-recorded.v1';

  @IsUUID() readonly entryId!: string;
  @IsIn(REVENUE_STREAM_NAMES) readonly stream!: RevenueStreamName;
  @IsInt() readonly amount!: number;
  @IsString() readonly currency!: string;
  @IsOptional() @IsUUID() readonly creatorId!: string | null;
  @IsISO8601() readonly occurredAt!: string;

  constructor(payload: RevenueRecordedV1) {
    super();
    Object.assign(this, payload);
  }
}
