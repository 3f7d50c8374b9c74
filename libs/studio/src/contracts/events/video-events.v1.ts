import { IntegrationEvent } from '@lib/platform';
import { IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';

/**
 * An episode or video went public (now or at its scheduled time). Engagement tells the creator's
 * followers; insights counts publishes; the catalog shows it.
 */
export class VideoPublishedV1 extends IntegrationEvent {
  static override readonly type = 'studio.video-published.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  /** The channel owner: the creator whose followers are told. */
  @IsUUID() readonly creatorId!: string;
  @IsString() readonly title!: string;
  /** `free`, or the billing entitlement that unlocks it. */
  @IsString() readonly accessLevel!: string;
  /** Holders of `early_access` watch this many days before everyone else (null: no early access window). */
  @IsOptional() @IsInt() readonly earlyAccessDays!: number | null;
  @IsOptional() @IsUUID() readonly seriesId!: string | null;
  /** Length of the video (null when unknown); analytics turn playback positions into percentages. */
  @IsOptional() @IsNumber() readonly durationSeconds?: number | null;
  /** The video's language and category as the team set them (absent from events before they were added); trending ranks per each. */
  @IsOptional() @IsString() readonly language?: string | null;
  @IsOptional() @IsString() readonly category?: string | null;
  /** Tags and description as published (absent from older events); recommendations compare videos by them. */
  @IsOptional() @IsArray() @IsString({ each: true }) readonly tags?: string[];
  @IsOptional() @IsString() readonly description?: string;
  @IsISO8601() readonly publishedAt!: string;

  constructor(payload: VideoPublishedV1) {
    super();
    Object.assign(this, payload);
  }
}

export class VideoUnpublishedV1 extends IntegrationEvent {
  static override readonly type = 'studio.video-unpublished.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsISO8601() readonly unpublishedAt!: string;

  constructor(payload: VideoUnpublishedV1) {
    super();
    Object.assign(this, payload);
  }
}

export class VideoUpdatedV1 extends IntegrationEvent {
  static override readonly type = 'studio.video-updated.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsArray() @IsString({ each: true }) readonly changedFields!: string[];
  @IsString() readonly state!: string;
  @IsISO8601() readonly updatedAt!: string;

  constructor(payload: VideoUpdatedV1) {
    super();
    Object.assign(this, payload);
  }
}

export class VideoDeletedV1 extends IntegrationEvent {
  static override readonly type = 'studio.video-deleted.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsISO8601() readonly deletedAt!: string;

  constructor(payload: VideoDeletedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** Transcoding moved on (step and percent over the whole pipeline). */
export class TranscodingProgressedV1 extends IntegrationEvent {
  static override readonly type = 'studio.transcoding-progressed.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsString() readonly assetId!: string;
  @IsIn(['probe', 'transcode', 'thumbnails', 'finalize']) readonly step!: string;
  @IsInt() @Min(0) @Max(100) readonly percent!: number;
  @IsISO8601() readonly at!: string;

  constructor(payload: TranscodingProgressedV1) {
    super();
    Object.assign(this, payload);
  }
}

export class TranscodingFailedV1 extends IntegrationEvent {
  static override readonly type = 'studio.transcoding-failed.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsString() readonly assetId!: string;
  @IsString() readonly step!: string;
  @IsString() readonly code!: string;
  @IsString() readonly message!: string;
  @IsISO8601() readonly failedAt!: string;

  constructor(payload: TranscodingFailedV1) {
    super();
    Object.assign(this, payload);
  }
}
