import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CampaignArchivedError, CampaignNotFoundError } from '../../../domain/index.js';
import { AdsCatalog, type CampaignView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { ChangeCampaignStatusCommand } from './change-campaign-status.command.js';

/** Pause or resume; every node stops (or starts) serving it on its next decision. An archived campaign stays so. */
@CommandHandler(ChangeCampaignStatusCommand)
export class ChangeCampaignStatusHandler implements ICommandHandler<ChangeCampaignStatusCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ campaignId, status }: ChangeCampaignStatusCommand): Promise<CampaignView> {
    const view = await this.catalog.setStatus(campaignId, status);
    if (!view) {
      if (await this.catalog.campaign(campaignId)) throw new CampaignArchivedError(campaignId);
      throw new CampaignNotFoundError(campaignId);
    }
    await this.changes.announce();
    return view;
  }
}
