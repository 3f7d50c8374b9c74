import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { AdvertiserNotFoundError, checkCampaignTerms } from '../../../domain/index.js';
import { AdsCatalog, DeliveryState, type CampaignView } from '../../ads-ports.js';
import { LiveCatalog } from '../../delivery/live-catalog.js';
import { CreateCampaignCommand } from './create-campaign.command.js';

/** A campaign for free-plan viewers only (plans with `ad_free` never see ads); live once it has creatives. */
@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly state: DeliveryState,
    private readonly live: LiveCatalog,
  ) {}

  async execute({ terms }: CreateCampaignCommand): Promise<CampaignView> {
    const checked = checkCampaignTerms(terms);
    if (!(await this.catalog.advertiserExists(checked.advertiserId)))
      throw new AdvertiserNotFoundError(checked.advertiserId);
    const view = await this.catalog.addCampaign(newId(), checked);
    this.live.invalidate();
    await this.state.bumpCatalogVersion();
    return view;
  }
}
