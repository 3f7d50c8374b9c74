import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  RECOMMENDATION_FEEDBACK,
  type RecommendationFeedback,
} from '../../application/recommendations/give-feedback/give-feedback.command.js';
import { RECOMMENDATION_REASONS, STRATEGIES } from '../../domain/recommendations/recommender.js';

export const MAX_RECOMMENDATIONS = 50;

class RecommendationCountRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RECOMMENDATIONS, default: 20, description: 'How many videos' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_RECOMMENDATIONS)
  count = 20;
}

export class SimilarQueryRequest extends RecommendationCountRequest {
  @ApiPropertyOptional({
    example: 'player-3f9c',
    description:
      "A logged-out viewer's player session (the `sessionId` it sends to `POST /v1/events`): their experiment arm on " +
      '`recommendations.similar` is assigned by it, so the exposures they report match. Ignored when signed in.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/)
  sessionId?: string;
}

export class RecommendationsQueryRequest extends RecommendationCountRequest {
  @ApiPropertyOptional({ example: 'cooking', description: 'Only videos of this category' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/)
  category?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only videos of this creator' })
  @IsOptional()
  @IsUUID()
  creator?: string;
}

export class RecommendationItemResponse {
  @ApiProperty({ format: 'uuid' }) videoId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ format: 'uuid' }) creatorId!: string;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ example: 'free', description: '`free`, or the entitlement that unlocks it' }) accessLevel!: string;
  @ApiProperty({ description: "The viewer's plan cannot play it yet: an upgrade teaser" }) upgradeRequired!: boolean;
  @ApiProperty({ enum: RECOMMENDATION_REASONS, description: 'Why it is listed, for the client to phrase' })
  reason!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The video behind the reason' })
  basedOn!: string | null;
  @ApiProperty() score!: number;
}

export class ExperimentArmResponse {
  @ApiProperty() id!: string;
  @ApiProperty() arm!: string;
}

export class RecommendationsResponse {
  @ApiProperty({ format: 'uuid', description: 'New per response; report exposures and clicks with it' })
  impressionId!: string;
  @ApiProperty({ enum: STRATEGIES }) strategy!: string;
  @ApiProperty({ type: ExperimentArmResponse, nullable: true, description: 'The experiment arm served, if any' })
  experiment!: ExperimentArmResponse | null;
  @ApiProperty({ type: [RecommendationItemResponse] }) items!: RecommendationItemResponse[];
}

export class RecommendationFeedbackRequest {
  @ApiProperty({
    enum: RECOMMENDATION_FEEDBACK,
    description:
      '`not_interested`: never recommend this video to the viewer again (until taken back); `skipped`: counts against it, so that on its own it leaves their lists, while earlier likes or watch time of it can outweigh it (it fades like any signal)',
  })
  @IsIn(RECOMMENDATION_FEEDBACK)
  kind!: RecommendationFeedback;
}
