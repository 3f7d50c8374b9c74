import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ReturnUrlsRequest } from './return-urls.dto.js';

export class StartTipRequest extends ReturnUrlsRequest {
  @ApiPropertyOptional({ description: 'The creator to tip (exactly one of creatorId and videoId)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  creatorId?: string;

  @ApiPropertyOptional({ description: 'A video whose creator (its channel owner) is tipped', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  videoId?: string;

  @ApiProperty({
    description: 'Integer minor units of the tip currency, within TIP_MIN_AMOUNT..TIP_MAX_AMOUNT',
    example: 500,
  })
  @IsInt()
  amount!: number;

  @ApiPropertyOptional({ description: 'Shown to the creator; screened by trust & safety', maxLength: 280 })
  @IsOptional()
  @IsString()
  @MaxLength(280)
  message?: string;
}

export class StartTipResponse {
  @ApiProperty({ format: 'uuid' }) tipId!: string;
  @ApiProperty({ description: 'The payment page to send the fan to' }) checkoutUrl!: string;
  @ApiProperty({ format: 'uuid' }) creatorId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ description: "The platform's commission (kept as the application fee)" }) commission!: number;
  @ApiProperty({ example: 'usd' }) currency!: string;
}

export class PayoutAccountResponse {
  @ApiProperty({ enum: ['none', 'onboarding', 'active', 'restricted'] }) status!: string;
  @ApiProperty() chargesEnabled!: boolean;
  @ApiProperty() payoutsEnabled!: boolean;
  @ApiProperty({ description: 'Payouts are held (suspension, ban, DMCA takedown); tips still arrive' })
  payoutsHeld!: boolean;
  @ApiProperty({ type: [String], example: ['dmca'] }) holdReasons!: string[];
}

export class ConnectPayoutAccountResponse extends PayoutAccountResponse {
  @ApiProperty({ description: 'Stripe Express onboarding (short-lived, single use)' }) onboardingUrl!: string;
}

export class LedgerQuery {
  @ApiPropertyOptional({ description: 'ISO 8601 start (inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 end (exclusive); default now; at most 366 days after `from`' })
  @IsOptional()
  @IsString()
  to?: string;
}

class LedgerTotalsResponse {
  @ApiProperty() currency!: string;
  @ApiProperty() tipsGross!: number;
  @ApiProperty() commission!: number;
  @ApiProperty() tipsNet!: number;
  @ApiProperty({ description: "The creator's share of ad revenue on their videos; paid out like tips" })
  adShare!: number;
  @ApiProperty({ description: 'The part of adShare not yet transferred to the payout account (no active account yet)' })
  adShareAwaitingTransfer!: number;
  @ApiProperty({ description: 'Creator share taken back by refunds and disputes' }) reversed!: number;
  @ApiProperty() paidOut!: number;
  @ApiProperty() inTransit!: number;
}

class LedgerBalanceResponse {
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Owed and not yet paid out (all time)' }) amount!: number;
}

class LedgerEntryResponse {
  @ApiProperty({ enum: ['tip', 'reversal', 'ad_share', 'reinstatement'] }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) tipId!: string | null;
  @ApiProperty() gross!: number;
  @ApiProperty() commission!: number;
  @ApiProperty({ description: "The creator's share (negative for a reversal)" }) net!: number;
  @ApiProperty() currency!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "An ad share's transfer to the payout account; null while awaiting one, and for tips and reversals",
  })
  transferId!: string | null;
}

class LedgerPayoutResponse {
  @ApiProperty() payoutId!: string;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: ['pending', 'in_transit', 'paid', 'failed', 'canceled'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) arrivalDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty() createdAt!: string;
}

class AttributedSubscriptionRevenueResponse {
  @ApiProperty() currency!: string;
  @ApiProperty({ description: 'Subscriptions with a payment in the period' }) subscriptions!: number;
  @ApiProperty({ description: 'What they paid in the period, net of refunds (minor units)' }) amount!: number;
}

export class CreatorLedgerResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [LedgerTotalsResponse] }) totals!: LedgerTotalsResponse[];
  @ApiProperty({ type: [LedgerBalanceResponse] }) balances!: LedgerBalanceResponse[];
  @ApiProperty() payoutsHeld!: boolean;
  @ApiProperty({ type: [String] }) holdReasons!: string[];
  @ApiProperty({
    type: [AttributedSubscriptionRevenueResponse],
    description:
      'Informative, not paid out: payments of subscriptions whose checkout attribution names this creator (`creatorId`) or one of their channels (`channelId`)',
  })
  subscriptionRevenue!: AttributedSubscriptionRevenueResponse[];
  @ApiProperty({ type: [LedgerEntryResponse] }) entries!: LedgerEntryResponse[];
  @ApiProperty({ type: [LedgerPayoutResponse] }) payouts!: LedgerPayoutResponse[];
}
