import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
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
} from 'class-validator';
import { CursorPageQuery } from '@lib/platform';
import { MODERATION_ACTIONS, type ModerationAction } from '../../domain/actions/moderation-decision.js';
import { REPORT_CATEGORIES } from '../../domain/reports/report.js';
import { REVIEW_ITEM_KINDS, type ReviewItemKind } from '../../domain/review-queue/review-item.js';

export class QueueQuery extends CursorPageQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status: 'open' | 'resolved' = 'open';

  @ApiPropertyOptional({ enum: REVIEW_ITEM_KINDS }) @IsOptional() @IsIn(REVIEW_ITEM_KINDS) kind?: ReviewItemKind;

  @ApiPropertyOptional({ enum: REPORT_CATEGORIES }) @IsOptional() @IsIn(REPORT_CATEGORIES) category?: string;

  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @IsString() @MaxLength(32) targetType?: string;

  @ApiPropertyOptional({ description: '`me`, `unclaimed`, or a moderator id', maxLength: 36 })
  @IsOptional()
  @Matches(/^(me|unclaimed|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'claimedBy must be me, unclaimed or a user id',
  })
  claimedBy?: string;

  @ApiPropertyOptional({ description: 'Only items past their due time' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breached?: boolean;
}

export class ReviewTargetResponse {
  @ApiProperty() type!: string;
  @ApiProperty() id!: string;
}

export class ReviewItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REVIEW_ITEM_KINDS }) kind!: string;
  @ApiProperty({ type: ReviewTargetResponse }) target!: ReviewTargetResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectUserId!: string | null;
  @ApiProperty() category!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) severity!: number;
  @ApiProperty() reportCount!: number;
  @ApiProperty() reporterWeight!: number;
  @ApiProperty({ description: 'severity × summed reporter weight × recency' }) priority!: number;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) claimedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) claimedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() breached!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastActivityAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) resolution!: string | null;
}

export class QueuePageResponse {
  @ApiProperty({ type: [ReviewItemResponse] }) items!: ReviewItemResponse[];
  @ApiPropertyOptional() nextCursor?: string;
  @ApiProperty({ description: 'Open items past their due time, whole queue' }) breachedCount!: number;
}

export class ClaimRequest {
  @ApiPropertyOptional({ description: 'Assign to this moderator instead of yourself' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class ActionRequest {
  @ApiProperty({ enum: MODERATION_ACTIONS }) @IsIn(MODERATION_ACTIONS) action!: ModerationAction;
  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Shown to the person concerned' })
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
  @ApiPropertyOptional({ maxLength: 100, description: 'The policy rule, e.g. `harassment.targeted`' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  rule?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 8760, description: 'Timeouts: hours muted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(8_760)
  hours?: number;
}

export class BulkActionRequest extends ActionRequest {
  @ApiProperty({ type: [String], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  itemIds!: string[];
}

export class DecisionResponse {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) itemId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) moderatorId!: string | null;
  @ApiProperty({ enum: MODERATION_ACTIONS }) action!: string;
  @ApiProperty({ type: ReviewTargetResponse }) target!: ReviewTargetResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectUserId!: string | null;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rule!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) mutedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'An automatic timeout this decision triggered' })
  escalation?: unknown;
}

export class BulkActionResultResponse {
  @ApiProperty() itemId!: string;
  @ApiPropertyOptional({ type: DecisionResponse }) decision?: DecisionResponse;
  @ApiPropertyOptional({ description: 'Why this item was refused: status, code, detail', type: Object })
  error?: { status: number; code: string; detail: string };
}

export class BulkActionResponse {
  @ApiProperty({ type: [BulkActionResultResponse] }) results!: BulkActionResultResponse[];
}

export class AuditLogQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @IsString() @MaxLength(32) targetType?: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @MaxLength(64) targetId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() to?: string;
}

export class AuditEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: ReviewTargetResponse }) target!: ReviewTargetResponse;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() hash!: string;
  @ApiProperty() previousHash!: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiPropertyOptional() nextCursor?: string;
}
