import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsObject, IsOptional, IsString, IsUUID } from 'class-validator';

/** The plan in force for a user changed; `entitlements` is the complete new set. */
export class EntitlementsChangedV1 extends IntegrationEvent {
  static override readonly type = 'billing.entitlements-changed.v1';

  @IsUUID() readonly userId!: string;
  @IsString() readonly planId!: string;
  @IsOptional() @IsString() readonly previousPlanId!: string | null;
  @IsObject() readonly entitlements!: Record<string, boolean | number | string>;
  /** When a time-limited plan (grace period, downgrade hold) lapses, if it does. */
  @IsOptional() @IsISO8601() readonly validUntil!: string | null;
  @IsISO8601() readonly changedAt!: string;

  constructor(payload: EntitlementsChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
