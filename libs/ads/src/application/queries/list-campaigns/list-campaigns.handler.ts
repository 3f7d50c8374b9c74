import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AdsCatalog } from '../../ads-ports.js';
import { ListCampaignsQuery, type AdsCatalogView } from './list-campaigns.query.js';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery, AdsCatalogView> {
  constructor(private readonly catalog: AdsCatalog) {}

  async execute({ includeArchived }: ListCampaignsQuery): Promise<AdsCatalogView> {
    const options = { includeArchived };
    const [advertisers, campaigns] = await Promise.all([this.catalog.advertisers(), this.catalog.campaigns(options)]);
    const withCreatives = await Promise.all(
      campaigns.map(async (campaign) => ({
        ...campaign,
        creatives: await this.catalog.creativesOf(campaign.id, options),
      })),
    );
    return { advertisers, campaigns: withCreatives };
  }
}
