import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';

export class UnpublishVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
