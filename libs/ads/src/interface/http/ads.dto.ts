import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DEVICES, PLACEMENTS } from '../../domain/index.js';
import { METRIC_GROUPS } from '../../application/queries/get-ad-metrics/get-ad-metrics.query.js';

export class CreateAdvertiserRequest {
  @ApiProperty({ example: 'Acme Coffee' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class AdvertiserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TargetingInput {
  @ApiPropertyOptional({ example: ['US', 'CA'], description: 'ISO 3166 country codes (from the country header)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  countries?: string[];

  @ApiPropertyOptional({ example: ['mobile'], enum: DEVICES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(DEVICES, { each: true })
  devices?: Array<(typeof DEVICES)[number]>;

  @ApiPropertyOptional({ example: ['en'], description: 'Primary language subtags (from Accept-Language)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ example: ['cooking'], description: 'Categories of the video the ad runs on (studio)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  categories?: string[];
}

export class CreateCampaignRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() advertiserId!: string;
  @ApiProperty({ example: 'Spring launch' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601() startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'After startsAt, else 400 `ads.campaign.invalid-flight`' })
  @IsISO8601()
  endsAt!: string;
  @ApiProperty({ example: 'usd' }) @IsString() @Matches(/^[a-zA-Z]{3}$/) currency!: string;
  @ApiProperty({ example: 1500, description: 'Price per 1,000 impressions, minor units' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  cpm!: number;
  @ApiPropertyOptional({ example: 100000, description: 'Minor units over the whole flight' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  totalBudget?: number;
  @ApiPropertyOptional({ example: 5000, description: 'Minor units per UTC day' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  dailyBudget?: number;
  @ApiPropertyOptional({ example: 100000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  impressionGoal?: number;
  @ApiPropertyOptional({
    example: 3,
    description: 'Impressions of one creative per viewer per window; default AD_FREQUENCY_CAP',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  frequencyCap?: number;
  @ApiPropertyOptional({ type: TargetingInput, description: 'Empty lists match everyone; plans are always free only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetingInput)
  targeting?: TargetingInput;
}

/** Present only (never null) for fields a campaign always has. */
const present = (_: object, value: unknown) => value !== undefined;

/**
 * The fields an admin may change; absent ones stay. A bound (`totalBudget`, `dailyBudget`, `impressionGoal`,
 * `frequencyCap`) set to null is removed. The advertiser and currency are fixed.
 */
export class UpdateCampaignRequest {
  @ApiPropertyOptional({ example: 'Spring launch, extended' })
  @ValidateIf(present)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @ValidateIf(present) @IsISO8601() startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'After startsAt, else 400 `ads.campaign.invalid-flight`' })
  @ValidateIf(present)
  @IsISO8601()
  endsAt?: string;
  @ApiPropertyOptional({ example: 1800, description: 'Price per 1,000 impressions, minor units' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  cpm?: number;
  @ApiPropertyOptional({
    example: 200000,
    nullable: true,
    type: Number,
    description: 'Minor units over the whole flight; not below what was spent (422 `ads.campaign.budget-below-spend`)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  totalBudget?: number | null;
  @ApiPropertyOptional({ example: 5000, nullable: true, type: Number, description: 'Minor units per UTC day' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  dailyBudget?: number | null;
  @ApiPropertyOptional({
    example: 100000,
    nullable: true,
    type: Number,
    description: 'Not below the impressions delivered (422 `ads.campaign.goal-below-delivered`)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000_000)
  impressionGoal?: number | null;
  @ApiPropertyOptional({ example: 2, nullable: true, type: Number, description: 'null: the default cap' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  frequencyCap?: number | null;
  @ApiPropertyOptional({ type: TargetingInput, description: 'Replaces the targeting' })
  @ValidateIf(present)
  @ValidateNested()
  @Type(() => TargetingInput)
  targeting?: TargetingInput;
}

export class ListCampaignsParams {
  @ApiPropertyOptional({ description: 'Include archived campaigns and creatives (default false)' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeArchived?: boolean;
}

export class ChangeCampaignStatusRequest {
  @ApiProperty({ enum: ['active', 'paused'] }) @IsIn(['active', 'paused']) status!: 'active' | 'paused';
}

export class CampaignResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) advertiserId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['active', 'paused', 'archived'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() cpm!: number;
  @ApiProperty({ nullable: true, type: Number }) totalBudget!: number | null;
  @ApiProperty({ nullable: true, type: Number }) dailyBudget!: number | null;
  @ApiProperty({ nullable: true, type: Number }) impressionGoal!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the default cap' }) frequencyCap!: number | null;
  @ApiProperty({ type: TargetingInput }) targeting!: TargetingInput;
  @ApiProperty() impressions!: number;
  @ApiProperty({ description: 'Minor units spent so far (rounded down)' }) spent!: number;
  @ApiProperty({ description: 'Spend in thousandths of a minor unit (exact)' }) spentMillis!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) archivedAt!: string | null;
}

export class CreateCreativeRequest {
  @ApiProperty({ enum: PLACEMENTS }) @IsIn(PLACEMENTS) placement!: (typeof PLACEMENTS)[number];
  @ApiProperty({ example: 'https://example.com/landing', description: 'https only' })
  @IsString()
  @MaxLength(2000)
  clickUrl!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'preroll: a studio video whose media is ready' })
  @IsOptional()
  @IsUUID()
  videoId?: string;
  @ApiPropertyOptional({ description: 'banners: an https image URL' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  imageUrl?: string;
}

export class CreativeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty({ enum: PLACEMENTS }) placement!: string;
  @ApiProperty() clickUrl!: string;
  @ApiProperty({ nullable: true, type: String }) videoId!: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Archived: never served again' })
  archivedAt!: string | null;
}

export class CampaignWithCreativesResponse extends CampaignResponse {
  @ApiProperty({ type: [CreativeResponse] }) creatives!: CreativeResponse[];
}

export class AdsCatalogResponse {
  @ApiProperty({ type: [AdvertiserResponse] }) advertisers!: AdvertiserResponse[];
  @ApiProperty({ type: [CampaignWithCreativesResponse] }) campaigns!: CampaignWithCreativesResponse[];
}

export class AdMetricsQueryParams {
  @ApiProperty({ example: '2026-12-01' }) @IsString() from!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsString() to!: string;
  @ApiPropertyOptional({ enum: METRIC_GROUPS, default: 'campaign' })
  @IsOptional()
  @IsIn(METRIC_GROUPS)
  groupBy?: (typeof METRIC_GROUPS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
}

export class AdMetricsRowResponse {
  @ApiProperty({ description: 'Campaign id, creative id, placement or day' }) key!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() decisions!: number;
  @ApiProperty() impressions!: number;
  @ApiProperty() clicks!: number;
  @ApiProperty() ctr!: number;
  @ApiProperty({ description: 'Minor units' }) spend!: number;
  @ApiProperty({ description: 'Revenue per 1,000 requests' }) rpm!: number;
  @ApiProperty() fillRate!: number;
}

export class AdMetricsResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: METRIC_GROUPS }) groupBy!: string;
  @ApiProperty({ type: [AdMetricsRowResponse] }) rows!: AdMetricsRowResponse[];
}

export class SettlementResponse {
  @ApiProperty({ format: 'uuid' }) settlementId!: string;
  @ApiProperty({ format: 'uuid' }) creatorId!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() impressions!: number;
  @ApiProperty() grossAmount!: number;
  @ApiProperty() shareAmount!: number;
}

export class DecisionQueryParams {
  @ApiProperty({ enum: PLACEMENTS }) @IsString() placement!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() videoId?: string;
}

class DecisionCreative {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) campaignId!: string;
  @ApiProperty() clickUrl!: string;
  @ApiProperty({ nullable: true, type: String }) videoId!: string | null;
  @ApiProperty({ nullable: true, type: String }) imageUrl!: string | null;
}

export class AdDecisionBody {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ description: 'Send it as `properties.token` of `ad_impression` and `ad_click` events' })
  token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: PLACEMENTS }) placement!: string;
  @ApiProperty({ type: DecisionCreative }) creative!: DecisionCreative;
}

export class AdDecisionResponse {
  @ApiProperty({ type: AdDecisionBody, nullable: true }) ad!: AdDecisionBody | null;
}
