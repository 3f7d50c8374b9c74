import { IntegrationEvent } from '@lib/platform';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/**
 * A person's usage of a quota reached 80% or 100% of their plan's limit in a period. Published once
 * per person, quota, period and threshold (billing.usage_alerts); engagement tells the person.
 */
export class UsageThresholdReachedV1 extends IntegrationEvent {
  static override readonly type = 'billing.usage-threshold-reached.v1';

  @IsUUID() readonly userId!: string;
  /** The quota's entitlement name, e.g. `storage_bytes`, `uploads_per_month`, `api_calls_per_month`. */
  @IsString() readonly quota!: string;
  @IsIn([80, 100]) readonly threshold!: number;
  @IsInt() @Min(0) readonly used!: number;
  @IsInt() @Min(0) readonly limit!: number;
  @IsString() readonly planId!: string;
  /** Whether usage past the limit is billed (overage) rather than refused. */
  @IsBoolean() readonly overage!: boolean;
  /** The period's end (null for quotas that never reset, such as storage). */
  @IsOptional() @IsISO8601() readonly periodEnd!: string | null;
  @IsISO8601() readonly reachedAt!: string;

  constructor(payload: UsageThresholdReachedV1) {
    super();
    Object.assign(this, payload);
  }
}
