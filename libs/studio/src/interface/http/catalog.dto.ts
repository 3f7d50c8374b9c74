import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACCESS_LEVELS } from '../../domain/video/video.js';
import type { CatalogSort } from '../../application/queries/search-catalog/search-catalog.query.js';

export class CatalogQueryRequest {
  @ApiPropertyOptional({ description: 'Words (typos tolerated)' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z0-9-]{1,40}$/) category?: string;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS }) @IsOptional() @IsIn(ACCESS_LEVELS) tier?: string;
  @ApiPropertyOptional({ description: 'A creator’s user id or handle' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  creator?: string;
  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
  language?: string;
  @ApiPropertyOptional({ enum: ['short', 'medium', 'long'], description: 'short < 4 min ≤ medium ≤ 20 min < long' })
  @IsOptional()
  @IsIn(['short', 'medium', 'long'])
  duration?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() seriesId?: string;
  @ApiPropertyOptional({
    enum: ['relevance', 'newest', 'oldest', 'popular', 'popularity', 'trending', 'shortest', 'longest'],
    default: 'relevance',
  })
  @IsOptional()
  @IsIn(['relevance', 'newest', 'oldest', 'popular', 'popularity', 'trending', 'shortest', 'longest'])
  sort?: CatalogSort;
  @ApiPropertyOptional({ maxLength: 1024 }) @IsOptional() @IsString() @MaxLength(1024) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class SuggestQueryRequest {
  @ApiProperty({ description: 'What the fan has typed so far' }) @IsString() @Length(1, 100) q!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 8 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit: number = 8;
}

export class CatalogItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() creatorId!: string;
  @ApiProperty() creatorName!: string;
  @ApiProperty() creatorHandle!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() channelName!: string;
  @ApiProperty() seriesId!: string;
  @ApiProperty() seriesTitle!: string;
  @ApiProperty({ nullable: true, type: Number }) season!: number | null;
  @ApiProperty({ nullable: true, type: Number }) episode!: number | null;
  @ApiProperty() category!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ enum: ACCESS_LEVELS }) tier!: string;
  @ApiProperty({ nullable: true, type: Number }) earlyAccessDays!: number | null;
  @ApiProperty({ nullable: true, type: String }) availableToAllAt!: string | null;
  @ApiProperty({ enum: ['short', 'medium', 'long', 'unknown'] }) duration!: string;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'views + 10 × likes' }) popularity!: number;
  @ApiProperty({ description: "insights' views: one per viewer, video and window, bots filtered" }) views!: number;
  @ApiProperty() likes!: number;
  @ApiProperty({ description: 'latest trending score (0: not trending)' }) trending!: number;
}

export class FacetCountResponse {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class CatalogResponse {
  @ApiProperty({ type: [CatalogItemResponse] }) items!: CatalogItemResponse[];
  @ApiProperty({ description: 'Matching videos: exact when `totalRelation` is `eq`, at least this many when `gte`' })
  total!: number;
  @ApiProperty({
    enum: ['eq', 'gte'],
    description: 'eq: `total` is exact; gte: more videos match than are counted (1,000), `total` is a lower bound',
  })
  totalRelation!: 'eq' | 'gte';
  @ApiProperty({
    description: 'category, tier, duration, language, creatorHandle → counts',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FacetCountResponse' } },
  })
  facets!: Record<string, FacetCountResponse[]>;
  @ApiProperty({
    description:
      'true: facet counts cover every match. false (only with totalRelation gte): counted over the 1,000 newest ' +
      'matches, so each is a lower bound, useful for proportions',
  })
  facetsExhaustive!: boolean;
  @ApiPropertyOptional() nextCursor?: string;
}

export class SuggestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() creatorName!: string;
  @ApiProperty() channelName!: string;
}

export class SuggestionsResponse {
  @ApiProperty({ type: [SuggestionResponse] }) items!: SuggestionResponse[];
}

export class CatalogVideoResponse extends CatalogItemResponse {
  @ApiProperty({ nullable: true, type: String }) thumbnailUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) previewUrl!: string | null;
  @ApiProperty({ type: [Object] }) captions!: { language: string; label: string }[];
}

export class PlaybackCaptionResponse {
  @ApiProperty() language!: string;
  @ApiProperty() label!: string;
  @ApiProperty() url!: string;
}

export class PlaybackResponse {
  @ApiProperty() videoId!: string;
  @ApiProperty({ description: 'Signed, short-lived HLS master playlist URL' }) masterUrl!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: [PlaybackCaptionResponse] }) captions!: PlaybackCaptionResponse[];
}
