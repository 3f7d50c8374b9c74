import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Publisher } from '../../publishing/publisher.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { UnpublishVideoCommand } from './unpublish-video.command.js';

@CommandHandler(UnpublishVideoCommand)
export class UnpublishVideoHandler implements ICommandHandler<UnpublishVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId }: UnpublishVideoCommand) {
    const { video, channel } = await this.gate.require(userId, videoId, 'editor');
    await this.publisher.unpublish(video, channel);
    return this.views.of(video);
  }
}
