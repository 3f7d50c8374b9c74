import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Video } from '../../../domain/video/video.js';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { VideoViews } from '../../queries/videos/video.views.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { VideoEdits } from '../../video-edits.js';
import { VideoGate } from '../../video-gate.js';
import { changesFromTemplate, stripUndefined, type VideoInput } from '../../video-input.js';
import { CreateVideoCommand } from './create-video.command.js';

@CommandHandler(CreateVideoCommand)
export class CreateVideoHandler implements ICommandHandler<CreateVideoCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly gate: VideoGate,
    private readonly edits: VideoEdits,
    private readonly videos: VideoRepository,
    private readonly media: MediaLibrary,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: VideoViews,
    private readonly texts: ScreenedTexts,
  ) {}

  async execute({ userId, channelId, uploadId, input, templateId }: CreateVideoCommand) {
    await this.teams.requireToWork(userId, channelId, 'editor');
    const merged = {
      ...(templateId ? await this.defaultsFrom(channelId, templateId) : {}),
      ...stripUndefined(input),
    } as VideoInput & { title: string };
    await this.edits.check(channelId, merged, null);
    // An unusable upload is refused before the draft is stored: a refused request writes nothing.
    await this.media.assertUsable({ uploadId, channelId });
    const video = Video.draft({ ...merged, channelId, createdBy: userId });
    // The draft commits first: the media side's worker reports on it by id as soon as processing starts.
    await this.edits.saving(merged, async () => {
      await this.texts.video(userId, video.id, merged);
      this.videos.add(video);
    });
    let assetId: string;
    try {
      assetId = (await this.media.startProcessing({ uploadId, channelId, videoId: video.id })).id;
    } catch (error) {
      // Only a claim lost to a concurrent request since the check above gets here.
      await this.unitOfWork.transactional(async () => this.videos.remove(video));
      throw error;
    }
    // Its own transaction, retried: the worker may already have moved the video (and its version) meanwhile.
    const started = await this.videos.changeAlone(video.id, (found) => {
      found.startProcessing(assetId);
      return true;
    });
    return this.views.of(started ?? video);
  }

  private async defaultsFrom(channelId: string, templateId: string): Promise<VideoInput> {
    return changesFromTemplate((await this.gate.template(channelId, templateId)).defaults);
  }
}
