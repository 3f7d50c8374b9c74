import { Command } from '@nestjs/cqrs';
import type { CampaignEdit } from '../../../domain/index.js';
import type { CampaignView } from '../../ads-ports.js';

export class UpdateCampaignCommand extends Command<CampaignView> {
  constructor(
    readonly campaignId: string,
    readonly edit: CampaignEdit,
  ) {
    super();
  }
}
