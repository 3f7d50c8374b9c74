import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

const DURATIONS = ['once', 'repeating', 'forever'] as const;

/**
 * Exactly one of percentOff, amountOff (+ currency) or trialDays. The ranges are checked by the domain so each
 * refusal has its own code: both a percent and an amount → 400 `billing.offer.conflicting-discount`, a percent
 * outside (0, 100] → 400 `billing.offer.percent-out-of-range`, anything else → 400 `billing.offer.invalid`.
 */
export class CreateOfferRequest {
  @ApiProperty({
    example: 'SPRING25',
    description: 'What customers type or the link carries; 3–40 of A–Z 0–9 - _, unique (case-insensitive)',
  })
  @IsString()
  @MaxLength(40)
  code!: string;

  @ApiProperty({ example: 'Spring: 25% off for 3 months' }) @IsString() @MaxLength(120) name!: string;

  @ApiPropertyOptional({ example: 25, description: 'Percent off each discounted invoice, above 0 and at most 100' })
  @IsOptional()
  @IsNumber()
  percentOff?: number;

  @ApiPropertyOptional({ example: 200, description: 'Amount off in minor units (cents); needs currency' })
  @IsOptional()
  @IsInt()
  amountOff?: number;

  @ApiPropertyOptional({ example: 'usd' }) @IsOptional() @IsString() @MaxLength(3) currency?: string;

  @ApiPropertyOptional({
    example: 30,
    description: 'An extended free trial instead of a discount (replaces the plan’s trial)',
  })
  @IsOptional()
  @IsInt()
  trialDays?: number;

  @ApiPropertyOptional({ enum: DURATIONS, default: 'once', description: 'How long the discount lasts' })
  @IsOptional()
  @IsIn(DURATIONS)
  duration?: (typeof DURATIONS)[number];

  @ApiPropertyOptional({ example: 3, description: 'With duration "repeating": how many months (1–36)' })
  @IsOptional()
  @IsInt()
  durationInMonths?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['prime'],
    description: 'Plans it applies to; empty or absent: every paid plan',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  planIds?: string[];

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z' }) @IsOptional() @Type(() => Date) @IsDate() validFrom?: Date;
  @ApiPropertyOptional({ example: '2026-06-01T00:00:00Z', description: 'Exclusive; must be in the future' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  validUntil?: Date;

  @ApiPropertyOptional({ example: 100, description: 'How many checkouts may use it' })
  @IsOptional()
  @IsInt()
  maxRedemptions?: number;
}

export class ListOffersQueryDto {
  @ApiPropertyOptional({ default: false, description: 'Include archived offers' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeArchived?: boolean;
}

export class PublicOfferResponse {
  @ApiProperty({ example: 'SPRING25' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['percent', 'amount', 'trial'] }) kind!: string;
  @ApiProperty({ nullable: true, type: Number }) percentOff!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Minor units' }) amountOff!: number | null;
  @ApiProperty({ nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ nullable: true, type: Number }) trialDays!: number | null;
  @ApiProperty({ nullable: true, enum: DURATIONS }) duration!: string | null;
  @ApiProperty({ nullable: true, type: Number }) durationInMonths!: number | null;
  @ApiProperty({ type: [String], description: 'Empty: every paid plan' }) planIds!: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) validUntil!: string | null;
  @ApiProperty({ description: 'Whether a checkout can use it now' }) redeemable!: boolean;
  @ApiProperty({ description: 'The shareable link' }) url!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'billing.offer.expired',
    description: 'Why it cannot be used now: billing.offer.expired, billing.offer.exhausted or billing.offer.archived',
  })
  unavailableReason!: string | null;
}

export class OfferResponse extends PublicOfferResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: Number }) maxRedemptions!: number | null;
  @ApiProperty({ description: 'Subscriptions bought with it' }) redemptions!: number;
  @ApiProperty() archived!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
