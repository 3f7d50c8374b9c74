import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Min } from 'class-validator';

/**
 * A gift subscription was paid for (the first time its payment was seen succeeded; once per gift). Written to the
 * outbox in the transaction that settles the payment, so the recipient's mail follows the commit even if Redis
 * refused work at that moment (docs/adr/0061). Carries no e-mail address: consumers read the gift.
 */
export class GiftPaidV1 extends IntegrationEvent {
  static override readonly type = 'billing.gift-paid.v1';

  @IsUUID() readonly giftId!: string;
  @IsUUID() readonly buyerId!: string;
  @IsString() readonly planId!: string;
  @IsIn(['month', 'year']) readonly period!: string;
  @IsInt() @Min(0) readonly amount!: number;
  @IsString() readonly currency!: string;
  @IsISO8601() readonly paidAt!: string;

  constructor(payload: GiftPaidV1) {
    super();
    Object.assign(this, payload);
  }
}
