import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsNumber, IsUUID, Min } from 'class-validator';

/**
 * A signed-in viewer's player reported progress that added watch time: `watchedSeconds` is what the
 * report could vouch for (at most the position's advance and the time since the previous report,
 * capped at 60 s), never the client's claim.
 */
export class WatchProgressedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.watch-progressed.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  @IsNumber() @Min(0) readonly positionSeconds!: number;
  @IsInt() @Min(1) readonly watchedSeconds!: number;
  @IsISO8601() readonly reportedAt!: string;

  constructor(payload: WatchProgressedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** A signed-in viewer got past 90% of a video (or its credits): once per watch-through. */
export class VideoCompletedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-completed.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  /** Watch time counted for this viewer and video so far. */
  @IsInt() @Min(0) readonly watchedSeconds!: number;
  @IsISO8601() readonly completedAt!: string;

  constructor(payload: VideoCompletedV1) {
    super();
    Object.assign(this, payload);
  }
}
