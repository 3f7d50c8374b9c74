import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';

/** Runs the media pipeline again on a video whose processing failed. */
export class RetryVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
