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
