import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Someone rated a video 1–5 stars, or changed their rating; the video's average and count after it. */
export class VideoRatedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-rated.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  @IsInt() @Min(1) @Max(5) readonly stars!: number;
  /** Their earlier rating (null: first time). */
  @IsOptional() @IsInt() @Min(1) @Max(5) readonly previousStars!: number | null;
  @IsNumber() readonly average!: number;
  @IsInt() @Min(0) readonly count!: number;
  @IsISO8601() readonly ratedAt!: string;

  constructor(payload: VideoRatedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** Someone withdrew their rating of a video. */
export class VideoRatingWithdrawnV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-rating-withdrawn.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  @IsInt() @Min(1) @Max(5) readonly previousStars!: number;
  /** Null once nobody rates the video. */
  @IsOptional() @IsNumber() readonly average!: number | null;
  @IsInt() @Min(0) readonly count!: number;
  @IsISO8601() readonly withdrawnAt!: string;

  constructor(payload: VideoRatingWithdrawnV1) {
    super();
    Object.assign(this, payload);
  }
}
