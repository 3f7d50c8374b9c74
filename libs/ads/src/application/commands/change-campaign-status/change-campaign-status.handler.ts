import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CampaignNotFoundError } from '../../../domain/index.js';
import { AdsCatalog, DeliveryState, type CampaignView } from '../../ads-ports.js';
import { LiveCatalog } from '../../delivery/live-catalog.js';
import { ChangeCampaignStatusCommand } from './change-campaign-status.command.js';

/** Pause or resume; every node stops (or starts) serving it on its next decision. */
@CommandHandler(ChangeCampaignStatusCommand)
export class ChangeCampaignStatusHandler implements ICommandHandler<ChangeCampaignStatusCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly state: DeliveryState,
    private readonly live: LiveCatalog,
  ) {}

  async execute({ campaignId, status }: ChangeCampaignStatusCommand): Promise<CampaignView> {
    const view = await this.catalog.setStatus(campaignId, status);
    if (!view) throw new CampaignNotFoundError(campaignId);
    this.live.invalidate();
    await this.state.bumpCatalogVersion();
    return view;
  }
}
