import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** A subscription now gives paid access (first payment, trial start, or recovery). Insights counts conversions. */
export class SubscriptionActivatedV1 extends IntegrationEvent {
  static override readonly type = 'billing.subscription-activated.v1';

  @IsUUID() readonly subscriptionId!: string;
  @IsUUID() readonly userId!: string;
  @IsString() readonly planId!: string;
  @IsIn(['month', 'year']) readonly interval!: string;
  @IsString() readonly status!: string;
  @IsInt() @Min(0) readonly amount!: number;
  @IsString() readonly currency!: string;
  /** Monthly recurring revenue in minor units (0 while trialing). */
  @IsInt() @Min(0) readonly mrr!: number;
  @IsOptional() @IsISO8601() readonly trialEnd!: string | null;
  @IsISO8601() readonly currentPeriodEnd!: string;
  /** Checkout metadata: which content or campaign led here (e.g. `contentId`). */
  @IsObject() readonly attribution!: Record<string, string>;
  @IsISO8601() readonly activatedAt!: string;

  constructor(payload: SubscriptionActivatedV1) {
    super();
    Object.assign(this, payload);
  }
}
