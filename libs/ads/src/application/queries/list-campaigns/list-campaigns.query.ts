import { Query } from '@nestjs/cqrs';
import type { AdvertiserView, CampaignView, CreativeView } from '../../ads-ports.js';

export interface CampaignWithCreatives extends CampaignView {
  creatives: CreativeView[];
}

export interface AdsCatalogView {
  advertisers: AdvertiserView[];
  campaigns: CampaignWithCreatives[];
}

/** Every advertiser and campaign with its creatives and delivery so far; archived ones only when asked. */
export class ListCampaignsQuery extends Query<AdsCatalogView> {
  constructor(readonly includeArchived = false) {
    super();
  }
}
