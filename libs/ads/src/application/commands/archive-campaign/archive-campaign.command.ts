import { Command } from '@nestjs/cqrs';
import type { CampaignView } from '../../ads-ports.js';

export class ArchiveCampaignCommand extends Command<CampaignView> {
  constructor(readonly campaignId: string) {
    super();
  }
}
