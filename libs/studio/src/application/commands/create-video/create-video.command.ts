import { Command } from '@nestjs/cqrs';
import type { VideoView } from '../../queries/videos/video.views.js';
import type { VideoInput } from '../../video-input.js';

/** A draft from an upload, with a template's defaults under what the body sets; processing starts at once. */
export class CreateVideoCommand extends Command<VideoView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly uploadId: string,
    readonly input: VideoInput & { title: string },
    readonly templateId: string | undefined,
  ) {
    super();
  }
}
