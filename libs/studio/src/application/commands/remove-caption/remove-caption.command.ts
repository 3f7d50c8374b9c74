import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';

export class RemoveCaptionCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly language: string,
  ) {
    super();
  }
}
