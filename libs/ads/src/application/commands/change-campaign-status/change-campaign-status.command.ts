import { Command } from '@nestjs/cqrs';
import type { CampaignView } from '../../ads-ports.js';

export class ChangeCampaignStatusCommand extends Command<CampaignView> {
  constructor(
    readonly campaignId: string,
    readonly status: 'active' | 'paused',
  ) {
    super();
  }
}
