import { IntegrationEvent } from '@lib/platform';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Min } from 'class-validator';

/** Plan, interval, status, scheduled cancellation or period changed. `changes` names which. */
export class SubscriptionChangedV1 extends IntegrationEvent {
  static override readonly type = 'billing.subscription-changed.v1';

  @IsUUID() readonly subscriptionId!: string;
  @IsUUID() readonly userId!: string;
  @IsArray()
  @IsIn(['plan', 'interval', 'status', 'cancel_at_period_end', 'period'], { each: true })
  readonly changes!: string[];
  @IsString() readonly planId!: string;
  @IsString() readonly previousPlanId!: string;
  @IsIn(['month', 'year']) readonly interval!: string;
  @IsString() readonly status!: string;
  @IsString() readonly previousStatus!: string;
  @IsBoolean() readonly cancelAtPeriodEnd!: boolean;
  @IsInt() @Min(0) readonly mrr!: number;
  @IsString() readonly currency!: string;
  @IsISO8601() readonly currentPeriodEnd!: string;
  @IsISO8601() readonly changedAt!: string;

  constructor(payload: SubscriptionChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
