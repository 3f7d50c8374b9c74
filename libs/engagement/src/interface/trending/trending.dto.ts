import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { TRENDING_WINDOWS, type TrendingWindow } from '../../application/trending/trending-ports.js';

export class TrendingQueryRequest extends CursorPageQuery {
  @ApiPropertyOptional({ enum: TRENDING_WINDOWS, default: '24h' })
  @IsOptional()
  @IsIn(TRENDING_WINDOWS)
  window?: TrendingWindow;

  @ApiPropertyOptional({ example: 'en', description: 'BCP 47 tag of the videos’ language' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/)
  language?: string;

  @ApiPropertyOptional({ example: 'music' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/)
  category?: string;
}

class TrendingPageResponse {
  @ApiProperty({ enum: TRENDING_WINDOWS }) window!: string;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the lists were last recomputed' })
  computedAt!: string | null;
  @ApiPropertyOptional() nextCursor?: string;
}

export class TrendingVideoResponse {
  @ApiProperty() rank!: number;
  @ApiProperty({ description: 'Time-decayed, trust-weighted score' }) score!: number;
  @ApiProperty() videoId!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() creatorId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
}

export class TrendingCreatorResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() score!: number;
  @ApiProperty() creatorId!: string;
  @ApiProperty({ nullable: true, type: String }) handle!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl!: string | null;
}

export class TrendingHashtagResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() score!: number;
  @ApiProperty() tag!: string;
}

export class TrendingVideosResponse extends TrendingPageResponse {
  @ApiProperty({ type: [TrendingVideoResponse] }) items!: TrendingVideoResponse[];
}

export class TrendingCreatorsResponse extends TrendingPageResponse {
  @ApiProperty({ type: [TrendingCreatorResponse] }) items!: TrendingCreatorResponse[];
}

export class TrendingHashtagsResponse extends TrendingPageResponse {
  @ApiProperty({ type: [TrendingHashtagResponse] }) items!: TrendingHashtagResponse[];
}
