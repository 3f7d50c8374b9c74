import {
  BudgetBelowSpendError,
  CreativeMediaMismatchError,
  GoalBelowDeliveredError,
  InsecureClickUrlError,
  InvalidAdInputError,
  InvalidFlightError,
  UnboundedCampaignError,
} from './ads.errors.js';

export const PLACEMENTS = ['preroll', 'leaderboard', 'rectangle', 'mobile_banner'] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const isPlacement = (value: unknown): value is Placement => PLACEMENTS.includes(value as Placement);

export const DEVICES = ['desktop', 'mobile', 'tablet', 'tv', 'other'] as const;
export type Device = (typeof DEVICES)[number];

/** Who a campaign is shown to; an empty or absent list means "anyone". Plans are always free only. */
export interface Targeting {
  countries?: string[];
  devices?: Device[];
  languages?: string[];
  categories?: string[];
}

export interface CampaignTerms {
  advertiserId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  currency: string;
  /** Price per thousand impressions, in minor units. */
  cpm: number;
  totalBudget: number | null;
  dailyBudget: number | null;
  impressionGoal: number | null;
  /** Impressions of one creative per viewer per window; null: the platform default (AD_FREQUENCY_CAP). */
  frequencyCap: number | null;
  targeting: Targeting;
}

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** Upper-cases countries, lower-cases languages and categories, drops duplicates; throws on anything else. */
export function normaliseTargeting(input: Targeting): Targeting {
  const list = (values: string[] | undefined, field: string, shape: RegExp | null, norm: (v: string) => string) => {
    if (values === undefined || values === null) return undefined;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      throw new InvalidAdInputError(`targeting.${field} must be a list of strings`, { field });
    const out = [...new Set(values.map(norm))];
    const bad = out.filter((v) => (shape ? !shape.test(v) : v.length === 0 || v.length > 64));
    if (bad.length) throw new InvalidAdInputError(`targeting.${field} has invalid values`, { field, values: bad });
    return out.length ? out : undefined;
  };
  const devices = list(input.devices, 'devices', null, (v) => v.toLowerCase());
  if (devices?.some((d) => !DEVICES.includes(d as Device)))
    throw new InvalidAdInputError(`targeting.devices must be among ${DEVICES.join(', ')}`, { field: 'devices' });
  const targeting: Targeting = {
    countries: list(input.countries, 'countries', COUNTRY, (v) => v.toUpperCase()),
    devices: devices as Device[] | undefined,
    languages: list(input.languages, 'languages', LANGUAGE, (v) => v.toLowerCase()),
    categories: list(input.categories, 'categories', null, (v) => v.trim().toLowerCase()),
  };
  return Object.fromEntries(Object.entries(targeting).filter(([, v]) => v !== undefined));
}

const POSITIVE_FIELDS = ['cpm', 'totalBudget', 'dailyBudget', 'impressionGoal', 'frequencyCap'] as const;

/** The rules every campaign keeps: a real flight, a bound on delivery, positive money. */
export function checkCampaignTerms(terms: CampaignTerms): CampaignTerms {
  if (Number.isNaN(terms.startsAt.getTime()) || Number.isNaN(terms.endsAt.getTime()))
    throw new InvalidAdInputError('startsAt and endsAt must be dates', { field: 'startsAt' });
  if (!(terms.endsAt.getTime() > terms.startsAt.getTime())) throw new InvalidFlightError();
  for (const field of POSITIVE_FIELDS) {
    const value = terms[field];
    if (value !== null && !(Number.isSafeInteger(value) && value > 0))
      throw new InvalidAdInputError(`${field} must be a positive integer`, { field });
  }
  if (terms.totalBudget === null && terms.dailyBudget === null && terms.impressionGoal === null)
    throw new UnboundedCampaignError();
  if (terms.totalBudget !== null && terms.dailyBudget !== null && terms.dailyBudget > terms.totalBudget)
    throw new InvalidAdInputError('dailyBudget cannot exceed totalBudget', { field: 'dailyBudget' });
  return { ...terms, currency: terms.currency.toLowerCase(), targeting: normaliseTargeting(terms.targeting) };
}

/** What an admin may change on a campaign; the advertiser and currency are fixed (spend is counted in it). */
export type CampaignEdit = Partial<Omit<CampaignTerms, 'advertiserId' | 'currency'>>;

/** What a campaign has delivered so far. */
export interface Delivered {
  /** Thousandths of a minor unit. */
  spentMillis: number;
  impressions: number;
}

/**
 * A campaign's terms after an edit: the same rules as at creation, and no bound below what was already delivered
 * (history stays true; to stop a campaign, pause or archive it).
 */
export function applyCampaignEdit(current: CampaignTerms, edit: CampaignEdit, delivered: Delivered): CampaignTerms {
  const defined = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined));
  const terms = checkCampaignTerms({ ...current, ...defined });
  if (terms.totalBudget !== null && terms.totalBudget * 1000 < delivered.spentMillis)
    throw new BudgetBelowSpendError(terms.totalBudget, Math.ceil(delivered.spentMillis / 1000));
  if (terms.impressionGoal !== null && terms.impressionGoal < delivered.impressions)
    throw new GoalBelowDeliveredError(terms.impressionGoal, delivered.impressions);
  return terms;
}

/** An absolute https URL, or the error naming the field. */
export function checkHttpsUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InsecureClickUrlError(field);
  }
  if (url.protocol !== 'https:' || !url.hostname) throw new InsecureClickUrlError(field);
  return url.toString();
}

export interface CreativeInput {
  placement: Placement;
  clickUrl: string;
  videoId?: string | null;
  imageUrl?: string | null;
}

/** A pre-roll carries a studio video and no image; a banner an https image and no video. */
export function checkCreative(input: CreativeInput): Required<CreativeInput> {
  const clickUrl = checkHttpsUrl(input.clickUrl, 'clickUrl');
  if (input.placement === 'preroll') {
    if (!input.videoId) throw new CreativeMediaMismatchError('A preroll creative needs a videoId (a studio video)');
    if (input.imageUrl) throw new CreativeMediaMismatchError('A preroll creative has a video, not an imageUrl');
    return { placement: input.placement, clickUrl, videoId: input.videoId.toLowerCase(), imageUrl: null };
  }
  if (!input.imageUrl) throw new CreativeMediaMismatchError(`A ${input.placement} creative needs an imageUrl`);
  if (input.videoId) throw new CreativeMediaMismatchError(`A ${input.placement} creative has an image, not a videoId`);
  return { placement: input.placement, clickUrl, videoId: null, imageUrl: checkHttpsUrl(input.imageUrl, 'imageUrl') };
}
