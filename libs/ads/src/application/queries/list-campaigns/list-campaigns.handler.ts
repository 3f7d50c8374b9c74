import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AdsCatalog } from '../../ads-ports.js';
import { ListCampaignsQuery, type AdsCatalogView } from './list-campaigns.query.js';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery, AdsCatalogView> {
  constructor(private readonly catalog: AdsCatalog) {}

  async execute(): Promise<AdsCatalogView> {
    const [advertisers, campaigns] = await Promise.all([this.catalog.advertisers(), this.catalog.campaigns()]);
    const withCreatives = await Promise.all(
      campaigns.map(async (campaign) => ({ ...campaign, creatives: await this.catalog.creativesOf(campaign.id) })),
    );
    return { advertisers, campaigns: withCreatives };
  }
}
