import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { parseCaptionFile } from '../../../domain/video/captions.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { VideoGate } from '../../video-gate.js';
import { SetCaptionCommand } from './set-caption.command.js';

@CommandHandler(SetCaptionCommand)
export class SetCaptionHandler implements ICommandHandler<SetCaptionCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
    private readonly texts: ScreenedTexts,
  ) {}

  async execute({ userId, videoId, language, content, label }: SetCaptionCommand) {
    const video = await this.unitOfWork.transactional(async () => {
      const { video: found } = await this.gate.requireToWork(userId, videoId, 'editor');
      const caption = parseCaptionFile(content, language, label);
      await this.texts.caption(userId, found.id, caption);
      found.setCaption(caption);
      return found;
    });
    return this.views.of(video);
  }
}
