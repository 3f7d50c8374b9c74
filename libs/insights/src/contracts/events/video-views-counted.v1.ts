import { IntegrationEvent } from '@lib/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsUUID, Min, ValidateNested } from 'class-validator';

/** One video's total views (all time) as insights counts them. */
export class VideoViewCount {
  @IsUUID() readonly videoId!: string;
  @IsInt() @Min(0) readonly views!: number;
}

/**
 * Insights re-counted some videos' views after folding new events into its rollups: one view per
 * viewer, video and view window, bots filtered at ingestion. Only videos whose hours changed, at
 * most 500 per event. `countedAt` orders counts: a consumer keeps a video's latest and ignores older.
 */
export class VideoViewsCountedV1 extends IntegrationEvent {
  static override readonly type = 'insights.video-views-counted.v1';

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VideoViewCount)
  readonly counts!: VideoViewCount[];
  @IsISO8601() readonly countedAt!: string;

  constructor(payload: VideoViewsCountedV1) {
    super();
    Object.assign(this, payload);
  }
}
