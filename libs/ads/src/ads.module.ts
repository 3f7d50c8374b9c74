import { Global, Module } from '@nestjs/common';
import { MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { AdFreePlans, AdsCatalog, AdVideos, DeliveryLedger, DeliveryState } from './application/ads-ports.js';
import { ArchiveCampaignHandler } from './application/commands/archive-campaign/archive-campaign.handler.js';
import { ArchiveCreativeHandler } from './application/commands/archive-creative/archive-creative.handler.js';
import { ChangeCampaignStatusHandler } from './application/commands/change-campaign-status/change-campaign-status.handler.js';
import { CreateAdvertiserHandler } from './application/commands/create-advertiser/create-advertiser.handler.js';
import { CreateCampaignHandler } from './application/commands/create-campaign/create-campaign.handler.js';
import { CreateCreativeHandler } from './application/commands/create-creative/create-creative.handler.js';
import { SettleAdRevenueHandler } from './application/commands/settle-ad-revenue/settle-ad-revenue.handler.js';
import { UpdateCampaignHandler } from './application/commands/update-campaign/update-campaign.handler.js';
import { AdEventCounter } from './application/delivery/ad-event-counter.js';
import { CatalogChanges } from './application/delivery/catalog-changes.js';
import { LiveCatalog } from './application/delivery/live-catalog.js';
import { DecideAdHandler } from './application/queries/decide-ad/decide-ad.handler.js';
import { AdPerformanceReporter } from './application/queries/get-ad-metrics/ad-performance-report.js';
import { GetAdMetricsHandler } from './application/queries/get-ad-metrics/get-ad-metrics.handler.js';
import { ListCampaignsHandler } from './application/queries/list-campaigns/list-campaigns.handler.js';
import { AdEventLedger, AdPerformance, AdRevenueSharedV1 } from './contracts/index.js';
import { BillingAdFreePlans } from './infrastructure/billing-ad-free-plans.js';
import { adsOutboundEvents } from './infrastructure/outbound-events.js';
import { ADS_ENTITIES, ADS_SQL_ONLY_TABLES } from './infrastructure/persistence/ads.schemas.js';
import { SqlAdsCatalog } from './infrastructure/persistence/sql-ads-catalog.js';
import { SqlDeliveryLedger } from './infrastructure/persistence/sql-delivery-ledger.js';
import { RedisDeliveryState } from './infrastructure/redis/redis-delivery-state.js';
import { StudioAdVideos } from './infrastructure/studio-ad-videos.js';
import { AdminAdsController } from './interface/http/admin-ads.controller.js';
import { AdsController } from './interface/http/ads.controller.js';
import { ADS_QUEUE, AdsJobs } from './interface/jobs/ads-jobs.processor.js';

/**
 * Ads for the free tier (libs/ads/README.md): campaigns, decisions, single-use impression and click
 * counting, metrics, creators' revenue shares. Global because insights injects its contract ports
 * (`AdEventLedger` in ingestion, `AdPerformance` in the platform overview).
 */
@Global()
@Module({
  imports: [
    PersistenceModule.forFeature(ADS_ENTITIES, { sqlOnlyTables: ADS_SQL_ONLY_TABLES }),
    MessagingModule.forContext({ publishes: [AdRevenueSharedV1], outbound: adsOutboundEvents, consumers: [] }),
    QueuesModule.register({ name: ADS_QUEUE }),
  ],
  controllers: [AdsController, AdminAdsController],
  providers: [
    { provide: AdsCatalog, useClass: SqlAdsCatalog },
    { provide: DeliveryLedger, useClass: SqlDeliveryLedger },
    { provide: DeliveryState, useClass: RedisDeliveryState },
    { provide: AdVideos, useClass: StudioAdVideos },
    { provide: AdFreePlans, useClass: BillingAdFreePlans },
    LiveCatalog,
    CatalogChanges,
    AdEventCounter,
    { provide: AdEventLedger, useExisting: AdEventCounter },
    CreateAdvertiserHandler,
    CreateCampaignHandler,
    ChangeCampaignStatusHandler,
    UpdateCampaignHandler,
    ArchiveCampaignHandler,
    CreateCreativeHandler,
    ArchiveCreativeHandler,
    SettleAdRevenueHandler,
    DecideAdHandler,
    ListCampaignsHandler,
    GetAdMetricsHandler,
    { provide: AdPerformance, useClass: AdPerformanceReporter },
    AdsJobs,
  ],
  exports: [AdEventLedger, AdPerformance],
})
export class AdsModule {}
