import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { AdvertiserNotFoundError, checkCampaignTerms } from '../../../domain/index.js';
import { AdsCatalog, type CampaignView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { CreateCampaignCommand } from './create-campaign.command.js';

/** A campaign for free-plan viewers only (plans with `ad_free` never see ads); live once it has creatives. */
@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ terms }: CreateCampaignCommand): Promise<CampaignView> {
    const checked = checkCampaignTerms(terms);
    if (!(await this.catalog.advertiserExists(checked.advertiserId)))
      throw new AdvertiserNotFoundError(checked.advertiserId);
    const view = await this.catalog.addCampaign(newId(), checked);
    await this.changes.announce();
    return view;
  }
}
