import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';
import type { VideoInput } from '../../video-input.js';

/** Edits a video's metadata and, with `thumbnail`, picks one of its generated thumbnails. */
export class UpdateVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly input: VideoInput,
    readonly thumbnail: number | undefined,
  ) {
    super();
  }
}
