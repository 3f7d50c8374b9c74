import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';

export class PublishVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly at: string | undefined,
    readonly timeZone: string | undefined,
  ) {
    super();
  }
}
