import type { Device, Placement, Targeting } from './campaign.js';

/** A campaign as the decision path sees it: terms plus what it has delivered so far. */
export interface LiveCampaign {
  id: string;
  startsAt: number;
  endsAt: number;
  cpm: number;
  totalBudget: number | null;
  dailyBudget: number | null;
  impressionGoal: number | null;
  /** Overrides the policy's cap per creative and viewer; null or absent: the policy's. */
  frequencyCap?: number | null;
  targeting: Targeting;
  /** Spend so far in thousandths of a minor unit (one impression costs `cpm` of them). */
  spentMillis: number;
  spentTodayMillis: number;
  impressions: number;
  impressionsToday: number;
}

export interface LiveCreative {
  id: string;
  campaignId: string;
  placement: Placement;
  clickUrl: string;
  videoId: string | null;
  imageUrl: string | null;
}

/** Who asks and where: the facts targeting looks at. */
export interface ViewerContext {
  country: string | null;
  device: Device;
  language: string | null;
  category: string | null;
}

export const DAY_MS = 86_400_000;

/** Empty lists match everyone; a list matches only a known value in it. */
export function matchesTargeting(targeting: Targeting, viewer: ViewerContext): boolean {
  const fits = (list: string[] | undefined, value: string | null) =>
    !list?.length || (value !== null && list.includes(value));
  return (
    fits(targeting.countries, viewer.country) &&
    fits(targeting.devices, viewer.device) &&
    fits(targeting.languages, viewer.language) &&
    fits(targeting.categories, viewer.category)
  );
}

/**
 * How far along the campaign should be (0..1) for even delivery: the elapsed share of the flight, and of
 * the UTC day for daily budgets, plus `slack` so a fresh flight or day can start at all.
 */
export function pacingRatio(campaign: LiveCampaign, now: number, slack: number): number | null {
  if (now < campaign.startsAt || now >= campaign.endsAt) return null;
  const flight = Math.min(1, (now - campaign.startsAt) / (campaign.endsAt - campaign.startsAt) + slack);
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const day = Math.min(1, (now - dayStart) / DAY_MS + slack);
  const ratios: number[] = [];
  // Each bound: delivered so far / what even delivery allows by now; at or above 1 the campaign waits.
  if (campaign.totalBudget !== null) {
    if (campaign.spentMillis >= campaign.totalBudget * 1000) return null;
    ratios.push(campaign.spentMillis / (campaign.totalBudget * 1000 * flight));
  }
  if (campaign.impressionGoal !== null) {
    if (campaign.impressions >= campaign.impressionGoal) return null;
    ratios.push(campaign.impressions / (campaign.impressionGoal * flight));
  }
  if (campaign.dailyBudget !== null) {
    if (campaign.spentTodayMillis >= campaign.dailyBudget * 1000) return null;
    ratios.push(campaign.spentTodayMillis / (campaign.dailyBudget * 1000 * day));
  }
  const ratio = Math.max(0, ...ratios);
  return ratio < 1 ? ratio : null;
}

/** Whether the campaign may serve now: in flight, not exhausted, not ahead of its pace. */
export const deliverable = (campaign: LiveCampaign, now: number, slack: number) =>
  pacingRatio(campaign, now, slack) !== null;

export interface CapState {
  count: number;
  windowStart: number;
}

/** Impressions of a creative inside the current window (an older window has lapsed and counts 0). */
export function impressionsInWindow(state: CapState | undefined, now: number, windowMs: number): number {
  if (!state || now - state.windowStart >= windowMs) return 0;
  return state.count;
}

/** Redis field value `count:windowStart` back into a state (garbage reads as none). */
export function parseCapState(value: string | undefined | null): CapState | undefined {
  if (!value) return undefined;
  const [count, start] = value.split(':').map(Number);
  return Number.isFinite(count) && Number.isFinite(start) ? { count: count, windowStart: start } : undefined;
}

export interface SelectionPolicy {
  capPerWindow: number;
  capWindowMs: number;
  pacingSlack: number;
}

/**
 * The creative to serve: among the placement's creatives whose campaign is deliverable and targets the
 * viewer and whose cap the viewer has not reached, the highest CPM; ties go to the campaign furthest
 * behind its pace, then the smaller id (deterministic).
 */
export function selectCreative(
  creatives: readonly LiveCreative[],
  campaigns: ReadonlyMap<string, LiveCampaign>,
  viewer: ViewerContext,
  caps: ReadonlyMap<string, CapState>,
  now: number,
  policy: SelectionPolicy,
): { creative: LiveCreative; campaign: LiveCampaign } | null {
  let best: { creative: LiveCreative; campaign: LiveCampaign; ratio: number } | null = null;
  const ratios = new Map<string, number | null>();
  for (const creative of creatives) {
    const campaign = campaigns.get(creative.campaignId);
    if (!campaign) continue;
    if (best && campaign.cpm < best.campaign.cpm) continue;
    const cap = campaign.frequencyCap ?? policy.capPerWindow;
    if (impressionsInWindow(caps.get(creative.id), now, policy.capWindowMs) >= cap) continue;
    let ratio = ratios.get(campaign.id);
    if (ratio === undefined) {
      ratio = matchesTargeting(campaign.targeting, viewer) ? pacingRatio(campaign, now, policy.pacingSlack) : null;
      ratios.set(campaign.id, ratio);
    }
    if (ratio === null) continue;
    if (
      !best ||
      campaign.cpm > best.campaign.cpm ||
      ratio < best.ratio ||
      (ratio === best.ratio && creative.id < best.creative.id)
    )
      best = { creative, campaign, ratio };
  }
  return best && { creative: best.creative, campaign: best.campaign };
}
