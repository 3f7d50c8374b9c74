import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { VideoViews } from '../../queries/videos/video.views.js';
import { VideoGate } from '../../video-gate.js';
import { RemoveCaptionCommand } from './remove-caption.command.js';

@CommandHandler(RemoveCaptionCommand)
export class RemoveCaptionHandler implements ICommandHandler<RemoveCaptionCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
  ) {}

  async execute({ userId, videoId, language }: RemoveCaptionCommand) {
    const video = await this.unitOfWork.transactional(async () => {
      const { video: found } = await this.gate.require(userId, videoId, 'editor');
      found.removeCaption(language);
      return found;
    });
    return this.views.of(video);
  }
}
