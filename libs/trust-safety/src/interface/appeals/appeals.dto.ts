import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ACCOUNT_SANCTIONS } from '../../contracts/index.js';
import { APPEAL_OUTCOMES, APPEAL_TEXT_MAX, type AppealOutcome } from '../../domain/appeals/appeal.js';

export class FileAppealRequest {
  @ApiProperty({ format: 'uuid', description: 'The decision, from the notification (`appealPath`)' })
  @IsUUID()
  decisionId!: string;

  // Longer texts are refused by the appeal itself (400 `trust-safety.appeal.text-too-long`); this only bounds the body.
  @ApiProperty({ maxLength: APPEAL_TEXT_MAX, description: 'Why the decision should be reversed' })
  @IsString()
  @MaxLength(50_000)
  text!: string;
}

export class AppealDecisionRefResponse {
  @ApiProperty() action!: string;
  @ApiProperty() targetType!: string;
  @ApiProperty() targetId!: string;
}

export class AppealResponse {
  @ApiProperty() id!: string;
  @ApiProperty() decisionId!: string;
  @ApiProperty({ enum: ['open', 'upheld', 'denied'] }) status!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: AppealDecisionRefResponse }) decision!: AppealDecisionRefResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) outcomeReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AppealPageResponse {
  @ApiProperty({ type: [AppealResponse] }) items!: AppealResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class AppealDetailResponse extends AppealResponse {
  @ApiProperty() appellantId!: string;
  @ApiProperty({ description: 'The review queue item (kind `appeal`)' }) itemId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) originalModeratorId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedBy!: string | null;
}

export class DecideAppealRequest {
  @ApiProperty({ enum: APPEAL_OUTCOMES }) @IsIn(APPEAL_OUTCOMES) outcome!: AppealOutcome;
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class LiftSanctionRequest {
  @ApiProperty({ enum: ACCOUNT_SANCTIONS }) @IsIn(ACCOUNT_SANCTIONS) sanction!: (typeof ACCOUNT_SANCTIONS)[number];
  @ApiProperty({ minLength: 1, maxLength: 2000 }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

export class SanctionLiftResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_SANCTIONS }) sanction!: string;
  @ApiProperty() liftedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) liftedAt!: string;
}

export class StatsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'Window in days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days = 30;
}

class OpenItemsResponse {
  @ApiProperty() total!: number;
  @ApiProperty({
    description: 'report, screening, appeal, dmca',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  byKind!: Record<string, number>;
}

class SlaBreachesResponse {
  @ApiProperty({ description: 'Open items past their due time now' }) open!: number;
  @ApiProperty({ description: 'Items decided after their due time, in the window' }) resolvedLate!: number;
}

class AppealStatsResponse {
  @ApiProperty() decided!: number;
  @ApiProperty() upheld!: number;
  @ApiProperty() denied!: number;
  @ApiProperty() open!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'upheld / decided' }) overturnRate!: number | null;
}

class SpamModelStatsResponse {
  @ApiProperty() labelled!: number;
  @ApiProperty() confirmedSpam!: number;
  @ApiProperty() notSpam!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'confirmed spam / labelled' })
  livePrecision!: number | null;
}

export class ModerationStatsResponse {
  @ApiProperty() windowDays!: number;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: OpenItemsResponse }) openItems!: OpenItemsResponse;
  @ApiPropertyOptional({ nullable: true, type: Number }) medianSecondsToFirstAction!: number | null;
  @ApiProperty({ type: SlaBreachesResponse }) slaBreaches!: SlaBreachesResponse;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) actionsByType!: Record<string, number>;
  @ApiProperty({ type: AppealStatsResponse }) appeals!: AppealStatsResponse;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) reportsByCategory!: Record<string, number>;
  @ApiProperty({ type: SpamModelStatsResponse }) spamModel!: SpamModelStatsResponse;
}
