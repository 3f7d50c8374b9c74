import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import type { LiveCampaign, LiveCreative, Placement } from '../../domain/index.js';
import { AdsCatalog } from '../ads-ports.js';

interface Loaded {
  at: number;
  version: string | null;
  campaigns: Map<string, LiveCampaign>;
  byPlacement: Map<Placement, LiveCreative[]>;
}

/**
 * The eligible campaigns and their creatives, in memory on each node: reloaded when older than
 * AD_CATALOG_CACHE_SECONDS or when the catalogue version in Redis moved (an admin change anywhere),
 * and updated in place by impressions counted on this node. One reload at a time.
 */
@Injectable()
export class LiveCatalog {
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;

  constructor(
    private readonly catalog: AdsCatalog,
    private readonly config: AppConfig,
  ) {}

  async current(version: string | null, now: number): Promise<Loaded> {
    const loaded = this.loaded;
    if (loaded && loaded.version === version && now - loaded.at < this.config.ads.catalogCacheMs) return loaded;
    return (this.loading ??= this.load(version).finally(() => (this.loading = null)));
  }

  /** Drops the set on this node (its own admin changes); other nodes see the version move. */
  invalidate(): void {
    this.loaded = null;
  }

  /** An impression counted here: the cached campaign's delivery moves at once (others catch up on reload). */
  accrue(campaignId: string, costMillis: number): void {
    const campaign = this.loaded?.campaigns.get(campaignId);
    if (!campaign) return;
    campaign.spentMillis += costMillis;
    campaign.spentTodayMillis += costMillis;
    campaign.impressions += 1;
    campaign.impressionsToday += 1;
  }

  private async load(version: string | null): Promise<Loaded> {
    const at = Date.now();
    const snapshot = await this.catalog.live(new Date(at));
    const byPlacement = new Map<Placement, LiveCreative[]>();
    for (const creative of snapshot.creatives) {
      const list = byPlacement.get(creative.placement) ?? [];
      list.push(creative);
      byPlacement.set(creative.placement, list);
    }
    const loaded = { at, version, campaigns: new Map(snapshot.campaigns.map((c) => [c.id, c])), byPlacement };
    this.loaded = loaded;
    return loaded;
  }
}
