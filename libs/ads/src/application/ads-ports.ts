import type { CampaignTerms, Placement, Targeting } from '../domain/campaign.js';
import type { CapState, DecisionClaims, LiveCampaign, LiveCreative } from '../domain/index.js';
import type { AdRevenueSettlement } from '../domain/revenue-settlement.js';

export interface AdvertiserView {
  id: string;
  name: string;
  createdAt: string;
}

export interface CampaignView {
  id: string;
  advertiserId: string;
  name: string;
  status: 'active' | 'paused' | 'archived';
  startsAt: string;
  endsAt: string;
  currency: string;
  cpm: number;
  totalBudget: number | null;
  dailyBudget: number | null;
  impressionGoal: number | null;
  frequencyCap: number | null;
  targeting: Targeting;
  impressions: number;
  /** Minor units, rounded down. */
  spent: number;
  /** Thousandths of a minor unit: the exact spend edits are checked against. */
  spentMillis: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface CreativeView {
  id: string;
  campaignId: string;
  placement: Placement;
  clickUrl: string;
  videoId: string | null;
  imageUrl: string | null;
  createdAt: string;
  /** Archived creatives are never served; their history stays. */
  archivedAt: string | null;
}

/** The live catalogue the decision path selects from. */
export interface LiveSnapshot {
  campaigns: LiveCampaign[];
  creatives: LiveCreative[];
}

/** Ads' own tables: advertisers, campaigns, creatives. */
export abstract class AdsCatalog {
  abstract addAdvertiser(advertiser: { id: string; name: string }): Promise<AdvertiserView>;
  abstract advertisers(): Promise<AdvertiserView[]>;
  abstract advertiserExists(id: string): Promise<boolean>;
  abstract addCampaign(id: string, terms: CampaignTerms): Promise<CampaignView>;
  abstract campaign(id: string): Promise<CampaignView | null>;
  abstract campaigns(options: { includeArchived: boolean }): Promise<CampaignView[]>;
  /** Null when the campaign is unknown or archived. */
  abstract setStatus(id: string, status: 'active' | 'paused'): Promise<CampaignView | null>;
  /**
   * Saves edited terms unless, since `delivered` was read, the campaign was archived or delivered past the new total
   * budget or impression goal (null then: read it again and decide again).
   */
  abstract updateCampaign(id: string, terms: CampaignTerms): Promise<CampaignView | null>;
  /** Archives it (once; the first archival time stays); null when unknown. */
  abstract archiveCampaign(id: string): Promise<CampaignView | null>;
  abstract addCreative(creative: Omit<CreativeView, 'createdAt' | 'archivedAt'>): Promise<CreativeView>;
  abstract creativesOf(campaignId: string, options: { includeArchived: boolean }): Promise<CreativeView[]>;
  /** Archives it (once); null when unknown. */
  abstract archiveCreative(id: string): Promise<CreativeView | null>;
  /** Active campaigns in flight at `now` with their creatives and delivery so far (today's in UTC). */
  abstract live(now: Date): Promise<LiveSnapshot>;
}

export type ImpressionOutcome =
  | { outcome: 'counted'; campaignId: string; costMillis: number; exhausted: boolean }
  | { outcome: 'duplicate' }
  | { outcome: 'replayed' }
  | { outcome: 'unknown-creative' };

export type ClickOutcome = 'counted' | 'duplicate' | 'replayed' | 'no-impression';

export interface MetricsRow {
  day: string;
  campaignId: string;
  creativeId: string;
  placement: Placement;
  impressions: number;
  clicks: number;
  spendMillis: number;
  currency: string;
}

/** Impressions, clicks, spend and settlements, each counted at most once per decision. */
export abstract class DeliveryLedger {
  abstract recordImpression(claims: DecisionClaims, eventId: string, at: Date): Promise<ImpressionOutcome>;
  abstract recordClick(claims: DecisionClaims, eventId: string, at: Date): Promise<ClickOutcome>;
  abstract metrics(range: { from: string; to: string }, campaignId?: string): Promise<MetricsRow[]>;
  /** Groups every unsettled impression per creator (or none) and currency into settlements, saved with their events. */
  abstract settle(share: number, at: Date): Promise<AdRevenueSettlement[]>;
}

/** What Redis says for one viewer in one round trip: the catalogue version and their caps per creative. */
export interface ViewerState {
  catalogVersion: string | null;
  caps: Map<string, CapState>;
}

/** Frequency caps, the catalogue version (cross-node invalidation) and decision counters, in Redis. */
export abstract class DeliveryState {
  abstract viewer(viewerKey: string): Promise<ViewerState>;
  abstract countImpression(viewerKey: string, creativeId: string, nowMs: number, windowMs: number): Promise<void>;
  abstract bumpCatalogVersion(): Promise<void>;
  /** Fire and forget: a request on a placement, and what filled it. */
  abstract countDecision(
    day: string,
    placement: Placement,
    filled: { campaignId: string; creativeId: string } | null,
  ): void;
  abstract decisionCounts(days: string[]): Promise<Map<string, number>>;
}

export interface AdVideo {
  videoId: string;
  state: string | null;
  category: string | null;
  creatorId: string;
}

/** Studio's videos as ads needs them (through studio's contract port). */
export abstract class AdVideos {
  /** `fresh`: skip any cached answer (checks before saving). */
  abstract find(videoId: string, options?: { fresh?: boolean }): Promise<AdVideo | null>;
}

/** Whether a person's plan has `ad_free` (through billing's contract port). */
export abstract class AdFreePlans {
  abstract isAdFree(userId: string): Promise<boolean>;
}
