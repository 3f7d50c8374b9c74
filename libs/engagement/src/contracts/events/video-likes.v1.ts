import { IntegrationEvent } from '@lib/platform';
import { IsInt, IsISO8601, IsUUID, Min } from 'class-validator';

/**
 * Someone liked a video (once per actual change: liking again publishes nothing). `likes` is the
 * video's count after this change; the envelope's aggregate version orders the counts, so a
 * consumer keeps the one with the highest version.
 */
export class VideoLikedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-liked.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  @IsInt() @Min(0) readonly likes!: number;
  @IsISO8601() readonly likedAt!: string;

  constructor(payload: VideoLikedV1) {
    super();
    Object.assign(this, payload);
  }
}

/** Someone took back their like of a video (only when there was one). */
export class VideoUnlikedV1 extends IntegrationEvent {
  static override readonly type = 'engagement.video-unliked.v1';

  @IsUUID() readonly videoId!: string;
  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly creatorId!: string;
  @IsUUID() readonly userId!: string;
  @IsInt() @Min(0) readonly likes!: number;
  @IsISO8601() readonly unlikedAt!: string;

  constructor(payload: VideoUnlikedV1) {
    super();
    Object.assign(this, payload);
  }
}
