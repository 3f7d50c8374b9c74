import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';

/** Money went back to a customer; the credit note number is what they see. */
export class RefundIssuedV1 extends IntegrationEvent {
  static override readonly type = 'billing.refund-issued.v1';

  @IsUUID() readonly refundId!: string;
  @IsUUID() readonly paymentId!: string;
  @IsUUID() readonly userId!: string;
  @IsInt() @Min(1) readonly amount!: number;
  @IsString() readonly currency!: string;
  @IsOptional() @IsString() readonly reason!: string | null;
  @IsString() readonly creditNoteNumber!: string;
  @IsISO8601() readonly issuedAt!: string;

  constructor(payload: RefundIssuedV1) {
    super();
    Object.assign(this, payload);
  }
}
