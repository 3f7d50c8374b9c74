import { Command } from '@nestjs/cqrs';
import type { CampaignTerms } from '../../../domain/index.js';
import type { CampaignView } from '../../ads-ports.js';

export class CreateCampaignCommand extends Command<CampaignView> {
  constructor(readonly terms: CampaignTerms) {
    super();
  }
}
