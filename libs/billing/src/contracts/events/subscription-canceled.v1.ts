import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/** A subscription ended. The reason, feedback and comment feed churn analysis. */
export class SubscriptionCanceledV1 extends IntegrationEvent {
  static override readonly type = 'billing.subscription-canceled.v1';

  @IsUUID() readonly subscriptionId!: string;
  @IsUUID() readonly userId!: string;
  @IsString() readonly planId!: string;
  /** The provider's reason: `cancellation_requested`, `payment_failed`, `payment_disputed`… */
  @IsOptional() @IsString() readonly reason!: string | null;
  /** The customer's choice: `too_expensive`, `missing_features`, `switched_service`, `unused`, … */
  @IsOptional() @IsString() readonly feedback!: string | null;
  @IsOptional() @IsString() readonly comment!: string | null;
  @IsISO8601() readonly endedAt!: string;

  constructor(payload: SubscriptionCanceledV1) {
    super();
    Object.assign(this, payload);
  }
}
