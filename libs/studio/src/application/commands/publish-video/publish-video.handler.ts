import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Publisher } from '../../publishing/publisher.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { PublishVideoCommand } from './publish-video.command.js';

@CommandHandler(PublishVideoCommand)
export class PublishVideoHandler implements ICommandHandler<PublishVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly publisher: Publisher,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, at, timeZone }: PublishVideoCommand) {
    const { video, channel } = await this.gate.requireToWork(userId, videoId, 'editor');
    await this.publisher.publish(video, channel, { at, timeZone });
    return this.views.of(video);
  }
}
