import { DomainError } from '@lib/platform/ddd';

/** A campaign, creative or advertiser field that breaks the rules (flight, budget, targeting, URL). */
export class InvalidAdInputError extends DomainError {
  readonly code = 'ads.input.invalid';
  readonly kind = 'invalid';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
  }
}

/** A flight that ends before it starts. */
export class InvalidFlightError extends DomainError {
  readonly code = 'ads.campaign.invalid-flight';
  readonly kind = 'invalid';
  constructor(message = 'endsAt must be after startsAt') {
    super(message);
  }
}

/** A campaign with neither a total budget, a daily budget nor an impression goal would never stop. */
export class UnboundedCampaignError extends DomainError {
  readonly code = 'ads.campaign.unbounded';
  readonly kind = 'invalid';
  constructor() {
    super('A campaign needs a totalBudget, a dailyBudget or an impressionGoal');
  }
}

/** Click URLs must be https (no javascript:, data: or plain http redirects to people). */
export class InsecureClickUrlError extends DomainError {
  readonly code = 'ads.creative.insecure-url';
  readonly kind = 'invalid';
  constructor(field: string) {
    super(`${field} must be an absolute https:// URL`, { field });
  }
}

/** A pre-roll needs a studio video, a banner an image: not the other way round. */
export class CreativeMediaMismatchError extends DomainError {
  readonly code = 'ads.creative.media-mismatch';
  readonly kind = 'invalid';
  constructor(message: string) {
    super(message);
  }
}

/** The pre-roll's studio video is unknown or has not finished the media pipeline. */
export class CreativeVideoNotReadyError extends DomainError {
  readonly code = 'ads.creative.video-not-ready';
  readonly kind = 'rule-violated';
  constructor(videoId: string, state: string | null) {
    super(
      state === null ? 'No such studio video' : `The video is '${state}'; a pre-roll needs a transcoded (ready) video`,
      { videoId, state },
    );
  }
}

export class AdvertiserNotFoundError extends DomainError {
  readonly code = 'ads.advertiser.not-found';
  readonly kind = 'not-found';
  constructor(advertiserId: string) {
    super('No such advertiser', { advertiserId });
  }
}

export class CampaignNotFoundError extends DomainError {
  readonly code = 'ads.campaign.not-found';
  readonly kind = 'not-found';
  constructor(campaignId: string) {
    super('No such campaign', { campaignId });
  }
}

export class UnknownPlacementError extends DomainError {
  readonly code = 'ads.placement.unknown';
  readonly kind = 'invalid';
  constructor(placement: string) {
    super(`Unknown placement '${placement}' (preroll, leaderboard, rectangle, mobile_banner)`, { placement });
  }
}

/** An archived campaign is history: it cannot be edited, resumed or given creatives. */
export class CampaignArchivedError extends DomainError {
  readonly code = 'ads.campaign.archived';
  readonly kind = 'conflict';
  constructor(campaignId: string) {
    super('The campaign is archived', { campaignId });
  }
}

/** A total budget below what the campaign has already spent. */
export class BudgetBelowSpendError extends DomainError {
  readonly code = 'ads.campaign.budget-below-spend';
  readonly kind = 'rule-violated';
  constructor(totalBudget: number, spent: number) {
    super(`totalBudget ${totalBudget} is below what the campaign has spent (${spent})`, { totalBudget, spent });
  }
}

/** An impression goal below the impressions already delivered. */
export class GoalBelowDeliveredError extends DomainError {
  readonly code = 'ads.campaign.goal-below-delivered';
  readonly kind = 'rule-violated';
  constructor(impressionGoal: number, impressions: number) {
    super(`impressionGoal ${impressionGoal} is below the impressions delivered (${impressions})`, {
      impressionGoal,
      impressions,
    });
  }
}

export class CreativeNotFoundError extends DomainError {
  readonly code = 'ads.creative.not-found';
  readonly kind = 'not-found';
  constructor(creativeId: string) {
    super('No such creative', { creativeId });
  }
}
