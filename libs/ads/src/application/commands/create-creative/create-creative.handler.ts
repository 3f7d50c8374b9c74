import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import {
  CampaignArchivedError,
  CampaignNotFoundError,
  checkCreative,
  CreativeVideoNotReadyError,
} from '../../../domain/index.js';
import { AdsCatalog, AdVideos, type CreativeView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { CreateCreativeCommand } from './create-creative.command.js';

/** Studio states of a video whose media went through the pipeline (transcoded). */
const PLAYABLE = new Set(['ready', 'scheduled', 'published', 'unpublished']);

/** A banner (https image) or a pre-roll (a studio video whose transcode finished, asked through studio's port). */
@CommandHandler(CreateCreativeCommand)
export class CreateCreativeHandler implements ICommandHandler<CreateCreativeCommand, CreativeView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly videos: AdVideos,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ campaignId, input }: CreateCreativeCommand): Promise<CreativeView> {
    const creative = checkCreative(input);
    const campaign = await this.catalog.campaign(campaignId);
    if (!campaign) throw new CampaignNotFoundError(campaignId);
    if (campaign.status === 'archived') throw new CampaignArchivedError(campaignId);
    if (creative.videoId) {
      const video = await this.videos.find(creative.videoId, { fresh: true });
      if (!video || !PLAYABLE.has(video.state ?? ''))
        throw new CreativeVideoNotReadyError(creative.videoId, video?.state ?? null);
    }
    const view = await this.catalog.addCreative({ id: newId(), campaignId, ...creative });
    await this.changes.announce();
    return view;
  }
}
