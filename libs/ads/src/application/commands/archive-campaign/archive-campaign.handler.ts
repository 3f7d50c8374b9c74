import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CampaignNotFoundError } from '../../../domain/index.js';
import { AdsCatalog, type CampaignView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { ArchiveCampaignCommand } from './archive-campaign.command.js';

/**
 * Ends a campaign for good: never served again, hidden from the default listing, its impressions, clicks, spend and
 * settlements kept (they refer to it). Archiving twice answers the same campaign.
 */
@CommandHandler(ArchiveCampaignCommand)
export class ArchiveCampaignHandler implements ICommandHandler<ArchiveCampaignCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ campaignId }: ArchiveCampaignCommand): Promise<CampaignView> {
    const view = await this.catalog.archiveCampaign(campaignId);
    if (!view) throw new CampaignNotFoundError(campaignId);
    await this.changes.announce();
    return view;
  }
}
