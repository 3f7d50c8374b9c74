import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReturnUrlsRequest } from './return-urls.dto.js';

export class BuyGiftRequest extends ReturnUrlsRequest {
  @ApiProperty({ description: 'The paid plan to give', example: 'prime' })
  @IsString()
  @MaxLength(100)
  planId!: string;

  @ApiProperty({ enum: ['month', 'year'], description: 'One month or one year of the plan, at its price for it' })
  @IsIn(['month', 'year'])
  period!: 'month' | 'year';

  @ApiPropertyOptional({ description: 'Mailed the redemption link once the payment is confirmed' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  recipientEmail?: string;

  @ApiPropertyOptional({ description: 'Shown to the recipient; screened by trust & safety', maxLength: 280 })
  @IsOptional()
  @IsString()
  @MaxLength(280)
  message?: string;
}

export class BuyGiftResponse {
  @ApiProperty({ format: 'uuid' }) giftId!: string;
  @ApiProperty({ description: 'The payment page to send the buyer to' }) checkoutUrl!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: ['month', 'year'] }) period!: string;
  @ApiProperty({ description: 'Minor units' }) amount!: number;
  @ApiProperty({ example: 'usd' }) currency!: string;
}

export class GiftResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: ['month', 'year'] }) period!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['pending', 'paid', 'redeemed', 'refund_pending', 'refunded', 'expired', 'disputed'] })
  status!: string;
  @ApiProperty({ type: String, nullable: true }) recipientEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Once paid (and while paid or redeemed)' })
  code!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '<APP_URL>/gifts/<code>' }) redeemUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) redeemableUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) redeemedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class GiftListResponse {
  @ApiProperty({ type: [GiftResponse] }) items!: GiftResponse[];
}

export class GiftPreviewResponse {
  @ApiProperty() planId!: string;
  @ApiProperty() planName!: string;
  @ApiProperty({ enum: ['month', 'year'] }) period!: string;
  @ApiProperty({ description: "The buyer's display name (never an e-mail address)" }) from!: string;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ enum: ['redeemable', 'redeemed', 'expired', 'refunded', 'disputed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) redeemableUntil!: string | null;
}

export class RedeemGiftResponse {
  @ApiProperty({ format: 'uuid' }) giftId!: string;
  @ApiProperty() planId!: string;
  @ApiProperty({ enum: ['month', 'year'] }) period!: string;
  @ApiProperty({ description: 'When the gifted access ends (then the previous plan applies again)' })
  accessUntil!: string;
  @ApiProperty({ description: 'The plan in force now' }) planInForce!: string;
}
