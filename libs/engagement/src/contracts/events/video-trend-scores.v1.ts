import { IntegrationEvent } from '@lib/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsNumber, IsUUID, Min, ValidateNested } from 'class-validator';

/** One video's trending score after a recompute; 0 means it is not trending (any more). */
export class VideoTrendScore {
  @IsUUID() readonly videoId!: string;
  @IsNumber() @Min(0) readonly score!: number;
}

/**
 * The trending job changed some videos' scores: only the videos whose score moved, at most 500 per
 * event. The catalog keeps the latest score to offer `sort=trending`; `computedAt` orders events, so
 * an older recompute arriving late is ignored.
 */
export class VideoTrendScoresChangedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-trend-scores-changed.v1';

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => VideoTrendScore)
  readonly scores!: VideoTrendScore[];
  @IsISO8601() readonly computedAt!: string;

  constructor(payload: VideoTrendScoresChangedV1) {
    super();
    Object.assign(this, payload);
  }
}
