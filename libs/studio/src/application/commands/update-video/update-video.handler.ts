import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NoMediaError } from '../../../domain/video/video.errors.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { VideoEdits } from '../../video-edits.js';
import { VideoGate } from '../../video-gate.js';
import { UpdateVideoCommand } from './update-video.command.js';

@CommandHandler(UpdateVideoCommand)
export class UpdateVideoHandler implements ICommandHandler<UpdateVideoCommand> {
  constructor(
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly media: MediaLibrary,
    private readonly views: VideoViews,
    private readonly texts: ScreenedTexts,
  ) {}

  async execute({ userId, videoId, input, thumbnail }: UpdateVideoCommand) {
    const video = await this.edits.saving(input, async () => {
      const { video: found } = await this.gate.requireToWork(userId, videoId, 'editor');
      await this.edits.check(found.channelId, input, found.id);
      await this.texts.video(userId, found.id, input);
      found.edit(input);
      if (thumbnail !== undefined) {
        if (!found.assetId) throw new NoMediaError();
        // Inside the transaction: a refused index (media's error) rolls the metadata edit back too.
        await this.media.chooseThumbnail(found.assetId, thumbnail);
        found.thumbnailChosen();
      }
      return found;
    });
    return this.views.of(video);
  }
}
