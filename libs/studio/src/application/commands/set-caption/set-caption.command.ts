import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';

/** Adds or replaces a video's captions in one language (WebVTT or SRT, stored as WebVTT). */
export class SetCaptionCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly language: string,
    readonly content: string,
    readonly label: string | undefined,
  ) {
    super();
  }
}
