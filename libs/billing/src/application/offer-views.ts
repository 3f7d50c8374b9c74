import type { Offer } from '../domain/offer/offer.js';

/** An offer as admins see it. */
export interface OfferView {
  id: string;
  code: string;
  name: string;
  kind: Offer['kind'];
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  trialDays: number | null;
  duration: Offer['duration'];
  durationInMonths: number | null;
  planIds: string[];
  validFrom: string | null;
  validUntil: string | null;
  maxRedemptions: number | null;
  redemptions: number;
  archived: boolean;
  /** Whether a checkout can use it now (not archived, inside its dates, redemptions left). */
  redeemable: boolean;
  /** The shareable link: the web app's checkout with the code filled in. */
  url: string;
  createdAt: string;
}

/** What anyone holding the code may learn: what it gives, for which plans, and whether it still works. */
export type PublicOfferView = Omit<OfferView, 'id' | 'redemptions' | 'maxRedemptions' | 'createdAt' | 'archived'> & {
  /** Why it cannot be used now (`billing.offer.expired`, `.exhausted`, `.archived`), or null. */
  unavailableReason: string | null;
};

export function offerLink(appUrl: string, code: string): string {
  return `${appUrl}/offers/${encodeURIComponent(code)}`;
}

export function toOfferView(offer: Offer, appUrl: string, now = new Date()): OfferView {
  return {
    id: offer.id,
    code: offer.code,
    name: offer.name,
    kind: offer.kind,
    percentOff: offer.percentOff,
    amountOff: offer.amountOff,
    currency: offer.currency,
    trialDays: offer.trialDays,
    duration: offer.duration,
    durationInMonths: offer.durationInMonths,
    planIds: offer.planIds,
    validFrom: offer.validFrom?.toISOString() ?? null,
    validUntil: offer.validUntil?.toISOString() ?? null,
    maxRedemptions: offer.maxRedemptions,
    redemptions: offer.redemptions,
    archived: offer.isArchived,
    redeemable: offer.problemAt(now) === null,
    url: offerLink(appUrl, offer.code),
    createdAt: offer.createdAt.toISOString(),
  };
}

export function toPublicOfferView(offer: Offer, appUrl: string, now = new Date()): PublicOfferView {
  const {
    id: _id,
    redemptions: _r,
    maxRedemptions: _m,
    createdAt: _c,
    archived: _a,
    ...view
  } = toOfferView(offer, appUrl, now);
  const problem = offer.problemAt(now) as { code?: string } | null;
  return { ...view, unavailableReason: problem?.code ?? null };
}
