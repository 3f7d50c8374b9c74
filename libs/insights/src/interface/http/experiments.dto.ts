import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CONVERSION_KINDS, SURFACE, type ConversionKind } from '../../domain/experiments/experiment.js';

const ARMS_DOC: ApiPropertyOptions = {
  description:
    'Two to ten arms, the first is the control; keys are 1-32 lowercase letters, digits, _ or - (e.g. the strategy: `popularity`, `hybrid`); ' +
    'whole percents adding up to 100, else 400 `insights.experiment.invalid-arms`.',
  type: 'array',
  items: {
    type: 'object',
    properties: { key: { type: 'string', example: 'hybrid' }, percent: { type: 'integer', example: 50 } },
    required: ['key', 'percent'],
  },
  example: [
    { key: 'popularity', percent: 50 },
    { key: 'hybrid', percent: 50 },
  ],
};

export class CreateExperimentRequest {
  @ApiProperty({ example: 'Hybrid vs popularity on the home feed' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: 'recommendations.home',
    description: 'Where the variants are shown (`recommendations.home`, `recommendations.similar`, …)',
  })
  @IsString()
  @Matches(SURFACE)
  surface!: string;

  @ApiProperty(ARMS_DOC)
  @IsArray()
  arms!: unknown[];

  @ApiPropertyOptional({ enum: CONVERSION_KINDS, description: 'Default `click` (CTR)' })
  @IsOptional()
  @IsIn(CONVERSION_KINDS)
  primaryMetric?: ConversionKind;

  @ApiPropertyOptional({ example: 0.05, description: 'Two-sided false-positive rate across all arms (default 0.05)' })
  @IsOptional()
  @IsNumber()
  alpha?: number;

  @ApiPropertyOptional({
    example: 3841,
    description:
      'The fixed horizon: exposures every arm needs before a winner may be declared. Or give the two fields below.',
  })
  @IsOptional()
  @IsInt()
  plannedExposuresPerArm?: number;

  @ApiPropertyOptional({
    example: 0.1,
    description: 'Expected rate of the control (to compute the horizon, power 0.8)',
  })
  @IsOptional()
  @IsNumber()
  baselineRate?: number;

  @ApiPropertyOptional({
    example: 0.02,
    description: 'Smallest absolute change worth detecting (to compute the horizon)',
  })
  @IsOptional()
  @IsNumber()
  minimumDetectableEffect?: number;
}

export class ChangeArmsRequest {
  @ApiProperty(ARMS_DOC)
  @IsArray()
  arms!: unknown[];
}

export class ArmResponse {
  @ApiProperty() key!: string;
  @ApiProperty() percent!: number;
}

export class ExperimentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() surface!: string;
  @ApiProperty({ enum: ['draft', 'running', 'stopped'] }) status!: string;
  @ApiProperty({ type: [ArmResponse] }) arms!: ArmResponse[];
  @ApiProperty({ enum: CONVERSION_KINDS }) primaryMetric!: string;
  @ApiProperty() alpha!: number;
  @ApiProperty() plannedExposuresPerArm!: number;
  @ApiProperty({ nullable: true, type: Number }) baselineRate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) minimumDetectableEffect!: number | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) stoppedAt!: string | null;
}

export class ExperimentListResponse {
  @ApiProperty({ type: [ExperimentResponse] }) items!: ExperimentResponse[];
}

export class IntervalResponse {
  @ApiProperty() low!: number;
  @ApiProperty() high!: number;
}

export class RateResponse {
  @ApiProperty({ description: 'Exposures with at least one conversion / exposures' }) rate!: number;
  @ApiProperty({ type: IntervalResponse, description: '95% Wilson interval (descriptive; the decision is the test’s)' })
  ci95!: IntervalResponse;
}

export class ConversionCountsResponse {
  @ApiProperty() click!: number;
  @ApiProperty() watch_start!: number;
  @ApiProperty() completion!: number;
  @ApiProperty() subscription!: number;
}

export class ArmResultResponse {
  @ApiProperty() arm!: string;
  @ApiProperty() percent!: number;
  @ApiProperty() exposures!: number;
  @ApiProperty({ type: ConversionCountsResponse, description: 'Exposures with at least one conversion of each kind' })
  conversions!: ConversionCountsResponse;
  @ApiProperty({ type: RateResponse, description: 'Click-through rate' }) ctr!: RateResponse;
  @ApiProperty({ type: RateResponse, description: 'Rate of the primary metric' }) primary!: RateResponse;
}

export class ComparisonResponse {
  @ApiProperty() arm!: string;
  @ApiProperty() control!: string;
  @ApiProperty({ description: 'Treatment rate − control rate on the primary metric' }) difference!: number;
  @ApiProperty({ type: IntervalResponse, description: 'Interval of the difference at 1 − correctedAlpha' })
  interval!: IntervalResponse;
  @ApiProperty() z!: number;
  @ApiProperty() pValue!: number;
  @ApiProperty({ description: 'p < correctedAlpha; a decision only once `final`' }) significant!: boolean;
}

export class ExperimentResultsResponse {
  @ApiProperty({ enum: CONVERSION_KINDS }) metric!: string;
  @ApiProperty({ example: 'fixed-horizon two-proportion z-test' }) method!: string;
  @ApiProperty() alpha!: number;
  @ApiProperty({ description: 'alpha / number of treatment arms (Bonferroni)' }) correctedAlpha!: number;
  @ApiProperty() plannedExposuresPerArm!: number;
  @ApiProperty({ type: [ArmResultResponse], description: 'The first arm is the control' }) arms!: ArmResultResponse[];
  @ApiProperty({ type: [ComparisonResponse] }) comparisons!: ComparisonResponse[];
  @ApiProperty({ description: 'Every arm reached the planned exposures (the fixed horizon)' }) final!: boolean;
  @ApiProperty({ description: 'The peeking guard: false until `final`' }) canDeclareWinner!: boolean;
  @ApiProperty({ enum: ['collecting', 'winner', 'no-difference'] }) verdict!: string;
  @ApiProperty({ nullable: true, type: String }) winner!: string | null;
  @ApiProperty() reason!: string;
}

export class ExperimentWithResultsResponse extends ExperimentResponse {
  @ApiProperty({ type: ExperimentResultsResponse }) results!: ExperimentResultsResponse;
}
