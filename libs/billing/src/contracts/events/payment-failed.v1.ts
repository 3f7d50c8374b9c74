import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** A collection attempt failed (dunning): engagement tells the payer, with the link to pay. */
export class PaymentFailedV1 extends IntegrationEvent {
  static override readonly type = 'billing.payment-failed.v1';

  @IsUUID() readonly invoiceId!: string;
  @IsUUID() readonly userId!: string;
  @IsOptional() @IsUUID() readonly subscriptionId!: string | null;
  @IsInt() @Min(0) readonly amountDue!: number;
  @IsString() readonly currency!: string;
  @IsInt() @Min(1) readonly attempt!: number;
  @IsOptional() @IsISO8601() readonly nextPaymentAttempt!: string | null;
  /** Until when access continues while the payment is retried (the grace period's end). */
  @IsOptional() @IsISO8601() readonly accessUntil!: string | null;
  @IsOptional() @IsString() readonly payUrl!: string | null;
  @IsISO8601() readonly failedAt!: string;

  constructor(payload: PaymentFailedV1) {
    super();
    Object.assign(this, payload);
  }
}
