import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACCESS_LEVELS, MAX_EARLY_ACCESS_DAYS, type AccessLevel } from '../../domain/video/video.js';
import { VIDEO_STATES } from '../../domain/video/video-state.js';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export class EpisodeRequest {
  @ApiProperty() @IsUUID() seriesId!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000) season!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(10_000) episode!: number;
}

/** Fields shared by create, edit and batch edit. */
export class VideoFieldsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];
  @ApiPropertyOptional({ example: 'cooking' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/)
  category?: string;
  @ApiPropertyOptional({ example: 'en' }) @IsOptional() @IsString() @Matches(LANGUAGE) language?: string;
  @ApiPropertyOptional({ enum: ACCESS_LEVELS, description: '`free`, or the plan entitlement that unlocks it' })
  @IsOptional()
  @IsIn(ACCESS_LEVELS)
  accessLevel?: AccessLevel;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Days that plans with `early_access` see it before everyone else',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EARLY_ACCESS_DAYS)
  earlyAccessDays?: number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  collectionIds?: string[];
}

export class CreateVideoRequest extends VideoFieldsRequest {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiProperty({ description: 'A finished upload on this channel' }) @IsString() @Length(1, 200) uploadId!: string;
  @ApiPropertyOptional({ type: EpisodeRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => EpisodeRequest)
  episode?: EpisodeRequest;
  @ApiPropertyOptional({ description: 'A content template whose defaults fill what the body leaves out' })
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class UpdateVideoRequest extends VideoFieldsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional({ type: EpisodeRequest, nullable: true, description: 'null takes it out of its series' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EpisodeRequest)
  episode?: EpisodeRequest | null;
  @ApiPropertyOptional({ description: 'Index of the thumbnail candidate to show' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  thumbnail?: number;
}

export class BatchChangesRequest extends VideoFieldsRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
}

export class BatchEditRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
  @ApiProperty({ type: BatchChangesRequest })
  @ValidateNested()
  @Type(() => BatchChangesRequest)
  changes!: BatchChangesRequest;
}

export class PublishRequest {
  @ApiPropertyOptional({
    description: 'When to publish: ISO 8601 with an offset, or local wall-clock time in `timeZone`. Absent: now.',
    example: '2026-12-01T18:00',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  at?: string;
  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'IANA time zone' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class BulkPublishRequest extends PublishRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class BulkUnpublishRequest {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class ApplyTemplateRequest {
  @ApiProperty() @IsUUID() templateId!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
  @ApiPropertyOptional({ description: 'Also schedule the ready ones at the template’s publish time of day' })
  @IsOptional()
  @IsBoolean()
  schedule?: boolean;
}

export class CaptionRequest {
  @ApiProperty({ description: 'The WebVTT or SubRip file’s text (stored as WebVTT)' })
  @IsString()
  @MaxLength(600_000)
  content!: string;
  @ApiPropertyOptional({ example: 'English' }) @IsOptional() @IsString() @Length(1, 60) label?: string;
}

export class LibraryQueryRequest {
  @ApiPropertyOptional({ description: 'Comma-separated states', example: 'ready,published' })
  @IsOptional()
  @Matches(new RegExp(`^(${VIDEO_STATES.join('|')})(,(${VIDEO_STATES.join('|')}))*$`))
  state?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) tag?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() seriesId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() collectionId?: string;
  @ApiPropertyOptional({ description: 'Created at or after' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ description: 'Created before' }) @IsOptional() @IsISO8601() to?: string;
  @ApiPropertyOptional({ description: 'Words in title, description or tags' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
  @ApiPropertyOptional({ enum: ['created', 'updated', 'published', 'title', 'episode'], default: 'created' })
  @IsOptional()
  @IsIn(['created', 'updated', 'published', 'title', 'episode'])
  sort?: 'created' | 'updated' | 'published' | 'title' | 'episode';
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc']) order?:
    'asc' | 'desc';
  @ApiPropertyOptional({ maxLength: 512 }) @IsOptional() @IsString() @MaxLength(512) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class CreateSeriesRequest {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5_000) description?: string;
}

export class CreateCollectionRequest {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
}

export class CreateTemplateRequest extends VideoFieldsRequest {
  @ApiProperty() @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({
    example: '18:00',
    description: 'Publish time of day (HH:mm) in `timeZone` for bulk scheduling',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  publishTimeOfDay?: string;
  @ApiPropertyOptional({ example: 'Europe/Paris' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
}

// --- responses (OpenAPI) ---

export class RenditionResponse {
  @ApiProperty() name!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() bitrateKbps!: number;
}

export class ThumbnailResponse {
  @ApiProperty() index!: number;
  @ApiProperty() url!: string;
}

export class ProgressResponse {
  @ApiProperty({ nullable: true, type: String, enum: ['probe', 'transcode', 'thumbnails', 'finalize'] }) step!:
    string | null;
  @ApiProperty() percent!: number;
}

export class VideoErrorResponse {
  @ApiProperty({ example: 'studio.media.unsupported-codec' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() step!: string;
}

export class CaptionResponse {
  @ApiProperty() language!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['vtt', 'srt'] }) sourceFormat!: string;
  @ApiProperty() cues!: number;
}

export class VideoResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: ACCESS_LEVELS }) accessLevel!: string;
  @ApiProperty({ nullable: true, type: Number }) earlyAccessDays!: number | null;
  @ApiProperty({ nullable: true, type: EpisodeRequest }) episode!: EpisodeRequest | null;
  @ApiProperty({ type: [String] }) collectionIds!: string[];
  @ApiProperty({ type: [CaptionResponse] }) captions!: CaptionResponse[];
  @ApiProperty({ enum: VIDEO_STATES }) state!: string;
  @ApiProperty({ type: ProgressResponse }) progress!: ProgressResponse;
  @ApiProperty({ nullable: true, type: VideoErrorResponse }) error!: VideoErrorResponse | null;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds!: number | null;
  @ApiProperty({ type: [RenditionResponse] }) renditions!: RenditionResponse[];
  @ApiProperty({ type: [ThumbnailResponse] }) thumbnails!: ThumbnailResponse[];
  @ApiProperty({ nullable: true, type: Number }) chosenThumbnail!: number | null;
  @ApiProperty({ nullable: true, type: String }) previewUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) scheduledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) scheduleTimeZone!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When fans without early access may watch' })
  availableToAllAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class LibraryResponse {
  @ApiProperty({ type: [VideoResponse], description: 'Without renditions and thumbnails' }) items!: VideoResponse[];
  @ApiProperty() total!: number;
  @ApiPropertyOptional() nextCursor?: string;
}

export class BatchItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ type: [String] }) changedFields?: string[];
  @ApiPropertyOptional() state?: string;
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() message?: string;
}

export class BatchResponse {
  @ApiProperty({ description: 'Always true on 200; a refusal is a 422 `studio.batch.rejected` with the same `items`' })
  applied!: boolean;
  @ApiProperty({ type: [BatchItemResponse] }) items!: BatchItemResponse[];
}

export class ApplyTemplateResponse extends BatchResponse {
  @ApiProperty({ type: [BatchItemResponse] }) scheduled!: BatchItemResponse[];
}

export class BulkPublishResponse {
  @ApiProperty({ type: [BatchItemResponse], description: 'Each video succeeds or fails on its own' })
  items!: BatchItemResponse[];
}

export class DeletedResponse {
  @ApiProperty() deleted!: boolean;
}

export class SeriesResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() createdAt!: string;
}

export class SeriesWithEpisodesResponse extends SeriesResponse {
  @ApiProperty({ type: [VideoResponse], description: 'In order: season, then episode' }) episodes!: VideoResponse[];
}

export class CollectionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
}

export class TemplateResponse {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Object }) defaults!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
}

export class ListResponse {
  @ApiProperty({ type: [Object] }) items!: unknown[];
}
