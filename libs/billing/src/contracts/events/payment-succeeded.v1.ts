import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** Money was received for an invoice. Insights sums revenue from these. */
export class PaymentSucceededV1 extends IntegrationEvent {
  static override readonly type = 'billing.payment-succeeded.v1';

  @IsUUID() readonly paymentId!: string;
  @IsUUID() readonly userId!: string;
  @IsUUID() readonly invoiceId!: string;
  @IsOptional() @IsUUID() readonly subscriptionId!: string | null;
  @IsOptional() @IsString() readonly planId!: string | null;
  @IsInt() @Min(0) readonly amount!: number;
  @IsString() readonly currency!: string;
  @IsOptional() @IsString() readonly billingReason!: string | null;
  @IsISO8601() readonly paidAt!: string;

  constructor(payload: PaymentSucceededV1) {
    super();
    Object.assign(this, payload);
  }
}
