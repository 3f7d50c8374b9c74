import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { CampaignNotFoundError, checkCreative, CreativeVideoNotReadyError } from '../../../domain/index.js';
import { AdsCatalog, AdVideos, DeliveryState, type CreativeView } from '../../ads-ports.js';
import { LiveCatalog } from '../../delivery/live-catalog.js';
import { CreateCreativeCommand } from './create-creative.command.js';

/** Studio states of a video whose media went through the pipeline (transcoded). */
const PLAYABLE = new Set(['ready', 'scheduled', 'published', 'unpublished']);

/** A banner (https image) or a pre-roll (a studio video whose transcode finished, asked through studio's port). */
@CommandHandler(CreateCreativeCommand)
export class CreateCreativeHandler implements ICommandHandler<CreateCreativeCommand, CreativeView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly videos: AdVideos,
    private readonly state: DeliveryState,
    private readonly live: LiveCatalog,
  ) {}

  async execute({ campaignId, input }: CreateCreativeCommand): Promise<CreativeView> {
    const creative = checkCreative(input);
    if (!(await this.catalog.campaign(campaignId))) throw new CampaignNotFoundError(campaignId);
    if (creative.videoId) {
      const video = await this.videos.find(creative.videoId, { fresh: true });
      if (!video || !PLAYABLE.has(video.state ?? ''))
        throw new CreativeVideoNotReadyError(creative.videoId, video?.state ?? null);
    }
    const view = await this.catalog.addCreative({ id: newId(), campaignId, ...creative });
    this.live.invalidate();
    await this.state.bumpCatalogVersion();
    return view;
  }
}
