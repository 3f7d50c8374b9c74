import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { DMCA_STATUSES, type DmcaStatus } from '../../domain/dmca/dmca-notice.js';

// Every element is optional here: a missing one is named by the domain (422), not a generic 400.
export class DmcaContactRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 320 }) @IsOptional() @IsString() @MaxLength(320) email?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

export class DmcaNoticeRequest {
  @ApiPropertyOptional({ description: 'Required: the copyrighted work claimed to be infringed', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  copyrightedWork?: string;

  @ApiPropertyOptional({ description: 'Required: the material claimed to infringe', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  infringingMaterial?: string;

  @ApiPropertyOptional({
    description: 'Required: where the material is — a video id, or a URL on this platform whose path has /videos/<id>',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  location?: string;

  @ApiPropertyOptional({
    type: DmcaContactRequest,
    description: 'Required: name, email and postal address; phone optional',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DmcaContactRequest)
  contact?: DmcaContactRequest;

  @ApiPropertyOptional({ description: 'Required, true: a good-faith belief that the use is not authorised' })
  @IsOptional()
  @IsBoolean()
  goodFaithStatement?: boolean;

  @ApiPropertyOptional({
    description: 'Required, true: the notice is accurate and, under penalty of perjury, the sender is authorised',
  })
  @IsOptional()
  @IsBoolean()
  accuracyStatement?: boolean;

  @ApiPropertyOptional({ description: 'Required: the full legal name as an electronic signature', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  signature?: string;
}

export class DmcaNoticeReceiptResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DMCA_STATUSES }) status!: string;
  @ApiProperty() videoId!: string;
  @ApiProperty() takedownDecisionId!: string;
  @ApiProperty({ description: 'This notice terminated the uploader as a repeat infringer' })
  repeatInfringerBanned!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Shown once: send it with a court action report to courtActionPath' })
  claimantToken!: string;
  @ApiProperty() courtActionPath!: string;
}

export class CounterNoticeContactRequest {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) address?: string;
  @ApiPropertyOptional({ maxLength: 50 }) @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

export class CounterNoticeRequest {
  @ApiPropertyOptional({ description: 'Required: the material removed and where it was', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  removedMaterial?: string;

  @ApiPropertyOptional({
    description:
      'Required, true: under penalty of perjury, a good-faith belief it was removed by mistake or misidentification',
  })
  @IsOptional()
  @IsBoolean()
  mistakeStatement?: boolean;

  @ApiPropertyOptional({
    description: "Required, true: consent to the federal district court's jurisdiction and service",
  })
  @IsOptional()
  @IsBoolean()
  jurisdictionConsent?: boolean;

  @ApiPropertyOptional({ type: CounterNoticeContactRequest, description: 'Required: name, address and phone' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CounterNoticeContactRequest)
  contact?: CounterNoticeContactRequest;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) signature?: string;
}

export class CourtActionRequest {
  @ApiProperty({ description: 'The court, case number and filing date', maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  details!: string;
}

export class ClaimantCourtActionRequest extends CourtActionRequest {
  @ApiProperty({ description: 'The claimantToken the notice answered with', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class DmcaNoticeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: DMCA_STATUSES }) status!: string;
  @ApiProperty() videoId!: string;
  @ApiProperty() uploaderId!: string;
  @ApiProperty({ description: 'The notice as received' }) notice!: Record<string, unknown>;
  @ApiProperty() takedownDecisionId!: string;
  @ApiPropertyOptional({ nullable: true, type: Object }) counterNotice!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) counterNoticedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) restoreAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) restoredAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) restoreDecisionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) courtAction!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) courtActionAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DmcaNoticePageResponse {
  @ApiProperty({ type: [DmcaNoticeResponse] }) items!: DmcaNoticeResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class DmcaNoticeListQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: DMCA_STATUSES }) @IsOptional() @IsIn(DMCA_STATUSES) status?: DmcaStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() uploaderId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() videoId?: string;
}
