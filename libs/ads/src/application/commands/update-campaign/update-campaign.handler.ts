import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  applyCampaignEdit,
  CampaignArchivedError,
  CampaignNotFoundError,
  type CampaignTerms,
} from '../../../domain/index.js';
import { AdsCatalog, type CampaignView } from '../../ads-ports.js';
import { CatalogChanges } from '../../delivery/catalog-changes.js';
import { UpdateCampaignCommand } from './update-campaign.command.js';

/** Attempts when impressions keep landing between the check and the save (each attempt reads them afresh). */
const ATTEMPTS = 3;

const termsOf = (view: CampaignView): CampaignTerms => ({
  advertiserId: view.advertiserId,
  name: view.name,
  startsAt: new Date(view.startsAt),
  endsAt: new Date(view.endsAt),
  currency: view.currency,
  cpm: view.cpm,
  totalBudget: view.totalBudget,
  dailyBudget: view.dailyBudget,
  impressionGoal: view.impressionGoal,
  frequencyCap: view.frequencyCap,
  targeting: view.targeting,
});

/** Edits a campaign's terms under the creation rules, never below what it has delivered; every node reloads it. */
@CommandHandler(UpdateCampaignCommand)
export class UpdateCampaignHandler implements ICommandHandler<UpdateCampaignCommand, CampaignView> {
  constructor(
    private readonly catalog: AdsCatalog,
    private readonly changes: CatalogChanges,
  ) {}

  async execute({ campaignId, edit }: UpdateCampaignCommand): Promise<CampaignView> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.catalog.campaign(campaignId);
      if (!current) throw new CampaignNotFoundError(campaignId);
      if (current.status === 'archived') throw new CampaignArchivedError(campaignId);
      const terms = applyCampaignEdit(termsOf(current), edit, current);
      const saved = await this.catalog.updateCampaign(campaignId, terms);
      if (saved) {
        await this.changes.announce();
        return saved;
      }
      if (attempt >= ATTEMPTS) throw new Error(`campaign ${campaignId} kept changing during its edit`);
    }
  }
}
