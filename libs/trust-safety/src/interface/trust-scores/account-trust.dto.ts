import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, MinLength } from 'class-validator';
import { TRUST_SCORE_LEVELS, type ScoredTrustLevel } from '../../domain/trust-scores/trust-score.js';

export class PinTrustLevelRequest {
  @ApiProperty({ enum: TRUST_SCORE_LEVELS, description: '0 new, 1 basic, 2 member, 3 trusted' })
  @IsInt()
  @IsIn(TRUST_SCORE_LEVELS)
  level!: ScoredTrustLevel;
  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why the level is pinned (kept in the audit log)' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

class TrustInputsResponse {
  @ApiProperty() accountAgeDays!: number;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() confirmedViolations!: number;
  @ApiProperty() acceptedReports!: number;
  @ApiProperty() rejectedReports!: number;
  @ApiProperty({ description: 'Appeals decided for the account; 0 until appeals publish their decisions' })
  upheldAppeals!: number;
  @ApiProperty({ description: 'Distinct followers at level 1 or above' }) establishedFollowers!: number;
}

class TrustPinResponse {
  @ApiProperty({ enum: TRUST_SCORE_LEVELS }) level!: number;
  @ApiProperty() pinnedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() pinnedAt!: string;
}

class TrustLimitsResponse {
  @ApiProperty() maxMentions!: number;
  @ApiProperty() mayPostLinks!: boolean;
  @ApiProperty() mayMessageNonFollowers!: boolean;
}

class AccountTrustResponse {
  @ApiProperty({ description: '0–100' }) score!: number;
  @ApiProperty({ type: TrustInputsResponse }) inputs!: TrustInputsResponse;
  @ApiProperty({ enum: TRUST_SCORE_LEVELS, description: 'The level the score gives (with hysteresis)' })
  computedLevel!: number;
  @ApiProperty({ enum: TRUST_SCORE_LEVELS, description: 'The level in force: the pin, else the computed level' })
  level!: number;
  @ApiPropertyOptional({ type: TrustPinResponse, nullable: true }) pin!: TrustPinResponse | null;
  @ApiProperty({ type: TrustLimitsResponse }) limits!: TrustLimitsResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) computedAt!: string | null;
}

class AccountSanctionsResponse {
  @ApiPropertyOptional({ nullable: true, type: String }) mutedUntil!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) suspendedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) bannedAt!: string | null;
}

export class AccountModerationResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: AccountTrustResponse }) trust!: AccountTrustResponse;
  @ApiProperty({ type: AccountSanctionsResponse }) sanctions!: AccountSanctionsResponse;
}
