import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EXPORT_REPORTS } from '../../domain/export.js';

export class EventBatchRequest {
  @ApiProperty({
    description:
      'Up to INSIGHTS_MAX_BATCH (500) events, each `{eventId (uuid), name, timestamp (ISO 8601), sessionId, videoId?, properties?}`. ' +
      'Each is validated on its own: a bad one is listed in `rejected`, the others are kept.',
    type: 'array',
    items: {
      type: 'object',
      properties: {
        eventId: { type: 'string', format: 'uuid' },
        name: { type: 'string', example: 'video_progress' },
        timestamp: { type: 'string', format: 'date-time' },
        sessionId: { type: 'string' },
        videoId: { type: 'string', format: 'uuid' },
        properties: { type: 'object', example: { position: 42, duration: 600, elapsed: 10 } },
      },
      required: ['eventId', 'name', 'timestamp', 'sessionId'],
    },
  })
  @IsArray()
  events!: unknown[];
}

export class RejectedEventResponse {
  @ApiProperty() index!: number;
  @ApiProperty({ example: 'insights.event.too-far-in-future' }) code!: string;
  @ApiProperty() message!: string;
}

export class EventBatchResponse {
  @ApiProperty({ description: 'Events stored by this request' }) accepted!: number;
  @ApiProperty({ description: 'Events already stored (same eventId earlier, or twice in this batch)' })
  duplicates!: number;
  @ApiProperty({ description: 'Events dropped because the User-Agent is a bot' }) filtered!: number;
  @ApiProperty({ type: [RejectedEventResponse] }) rejected!: RejectedEventResponse[];
}

export class RangeQuery {
  @ApiProperty({ example: '2026-11-01T00:00:00Z' }) @IsISO8601() from!: string;
  @ApiProperty({ example: '2026-11-08T00:00:00Z', description: 'Exclusive' }) @IsISO8601() to!: string;
  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'IANA time zone of the series buckets (default UTC)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;
  @ApiPropertyOptional({ enum: ['previous', 'none'] }) @IsOptional() @IsIn(['previous', 'none']) compare?:
    'previous' | 'none';
}

export class OverviewQuery extends RangeQuery {
  @ApiPropertyOptional({ enum: ['hour', 'day'], description: 'Default: hourly up to 2 days, daily beyond' })
  @IsOptional()
  @IsIn(['hour', 'day'])
  granularity?: 'hour' | 'day';
}

export class PlatformQuery {
  @ApiProperty() @IsISO8601() from!: string;
  @ApiProperty() @IsISO8601() to!: string;
}

export class ExportRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() channelId!: string;
  @ApiProperty({
    enum: EXPORT_REPORTS,
    description: '`channel-daily`: one row per day; `channel-videos`: one row per video and hour',
  })
  @IsIn(EXPORT_REPORTS)
  report!: (typeof EXPORT_REPORTS)[number];
  @ApiProperty({ enum: ['csv', 'pdf'] }) @IsIn(['csv', 'pdf']) format!: 'csv' | 'pdf';
  @ApiProperty({
    example: '2026-11-01T00:00:00Z',
    description: 'Inclusive. Events up to the moment the export runs are included (it rolls up what is pending first).',
  })
  @IsISO8601()
  from!: string;
  @ApiProperty({ example: '2026-11-08T00:00:00Z', description: 'Exclusive' }) @IsISO8601() to!: string;
  @ApiPropertyOptional({ example: 'UTC' }) @IsOptional() @IsString() @MaxLength(64) tz?: string;
}

export class ExportResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) status!: string;
  @ApiProperty() report!: string;
  @ApiProperty() format!: string;
  @ApiProperty() downloadPath!: string;
}

export class WeeklyReportRequest {
  @ApiProperty({ description: 'Opt in (true) or out (false) of the weekly e-mail report for this channel' })
  @IsBoolean()
  enabled!: boolean;
}
