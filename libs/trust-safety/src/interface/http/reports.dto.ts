import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  REPORT_CATEGORIES,
  REPORTABLE_TYPES,
  type ReportableType,
  type ReportCategory,
} from '../../domain/reports/report.js';

export class ReportTargetDto {
  @ApiProperty({ enum: REPORTABLE_TYPES }) @IsIn(REPORTABLE_TYPES) type!: ReportableType;
  @ApiProperty({ maxLength: 64 }) @IsString() @MinLength(1) @MaxLength(64) id!: string;
}

export class VideoRangeDto {
  @ApiProperty({ minimum: 0 }) @IsNumber() @Min(0) @Max(86_400) fromSeconds!: number;
  @ApiProperty({ minimum: 0 }) @IsNumber() @Min(0) @Max(86_400) toSeconds!: number;
}

export class ReportEvidenceDto {
  @ApiPropertyOptional({ type: [String], description: 'Messages the reporter can read', maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  messageIds?: string[];

  @ApiPropertyOptional({ type: VideoRangeDto, description: 'A stretch of the reported video' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VideoRangeDto)
  videoRange?: VideoRangeDto;
}

export class FileReportRequest {
  @ApiProperty({ type: ReportTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportTargetDto)
  target!: ReportTargetDto;

  @ApiProperty({ enum: REPORT_CATEGORIES, description: '`copyright` takes the DMCA path' })
  @IsIn(REPORT_CATEGORIES)
  category!: ReportCategory;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  details?: string;

  @ApiPropertyOptional({ type: ReportEvidenceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportEvidenceDto)
  evidence?: ReportEvidenceDto;
}

export class ReportResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: ReportTargetDto }) target!: ReportTargetDto;
  @ApiProperty({ enum: REPORT_CATEGORIES }) category!: string;
  @ApiProperty() details!: string;
  @ApiProperty({ type: ReportEvidenceDto }) evidence!: ReportEvidenceDto;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The action taken, once resolved' })
  outcome!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) resolvedAt!: string | null;
}

export class ReportPageResponse {
  @ApiProperty({ type: [ReportResponse] }) items!: ReportResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}
