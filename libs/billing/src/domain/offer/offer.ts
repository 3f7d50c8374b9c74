import { newId } from '@lib/platform/ddd';
import {
  ConflictingOfferDiscountError,
  InvalidOfferError,
  OfferArchivedError,
  OfferExhaustedError,
  OfferExpiredError,
  OfferPercentOutOfRangeError,
  OfferPlanNotEligibleError,
} from './offer.errors.js';

export type OfferKind = 'percent' | 'amount' | 'trial';
export type OfferDuration = 'once' | 'repeating' | 'forever';

export interface OfferInput {
  code: string;
  name: string;
  percentOff?: number | null;
  amountOff?: number | null;
  currency?: string | null;
  trialDays?: number | null;
  duration?: OfferDuration | null;
  durationInMonths?: number | null;
  planIds?: string[];
  validFrom?: Date | null;
  validUntil?: Date | null;
  maxRedemptions?: number | null;
}

/** The discount terms a subscription keeps from the offer it was bought with (its MRR is net of them). */
export interface DiscountTerms {
  offerId: string;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
}

const CODE = /^[A-Za-z0-9_-]{3,40}$/;
const MAX_TRIAL_DAYS = 365;

/**
 * A promotion an admin shares as a code or a link (Ghost's offers): a percent or fixed discount for once, some
 * months or forever, or a longer free trial; limited to plans, a date range and a number of redemptions. The
 * discount itself is applied by the payment provider (a coupon and its promotion code); the rules are ours too,
 * so a bad code is refused before the customer reaches the payment page.
 */
export interface OfferFields {
  id: string;
  code: string;
  name: string;
  kind: OfferKind;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  trialDays: number | null;
  duration: OfferDuration | null;
  durationInMonths: number | null;
  planIds: string[];
  validFrom: Date | null;
  validUntil: Date | null;
  maxRedemptions: number | null;
  createdAt: Date;
}

export class Offer implements OfferFields {
  readonly id!: string;
  readonly code!: string;
  readonly name!: string;
  readonly kind!: OfferKind;
  readonly percentOff!: number | null;
  readonly amountOff!: number | null;
  readonly currency!: string | null;
  readonly trialDays!: number | null;
  readonly duration!: OfferDuration | null;
  readonly durationInMonths!: number | null;
  readonly planIds!: string[];
  readonly validFrom!: Date | null;
  readonly validUntil!: Date | null;
  readonly maxRedemptions!: number | null;
  readonly createdAt!: Date;
  /** Redemptions recorded so far (read with the offer). */
  redemptions = 0;
  archivedAt: Date | null = null;
  providerCouponId: string | null = null;
  providerPromotionCodeId: string | null = null;

  private constructor(fields: OfferFields) {
    Object.assign(this, fields);
  }

  /** Validates an admin's offer; `knownPlanIds` are the plans it may name. */
  static create(input: OfferInput, knownPlanIds: string[], now = new Date()): Offer {
    const given = [input.percentOff, input.amountOff, input.trialDays].filter((value) => value != null);
    if (given.length > 1) throw new ConflictingOfferDiscountError();
    if (given.length === 0)
      throw new InvalidOfferError('An offer needs percentOff, amountOff (with currency) or trialDays');
    if (!CODE.test(input.code))
      throw new InvalidOfferError('code must be 3–40 letters, digits, - or _', { code: input.code });
    if (!input.name.trim()) throw new InvalidOfferError('name must not be empty');
    let kind: OfferKind;
    if (input.percentOff != null) {
      if (!(input.percentOff > 0 && input.percentOff <= 100)) throw new OfferPercentOutOfRangeError(input.percentOff);
      if (Math.round(input.percentOff * 100) !== input.percentOff * 100)
        throw new InvalidOfferError('percentOff takes at most two decimals', { percentOff: input.percentOff });
      kind = 'percent';
    } else if (input.amountOff != null) {
      if (!Number.isSafeInteger(input.amountOff) || input.amountOff < 1)
        throw new InvalidOfferError('amountOff is a positive amount in minor units (cents)', {
          amountOff: input.amountOff,
        });
      if (!input.currency || !/^[a-zA-Z]{3}$/.test(input.currency))
        throw new InvalidOfferError('amountOff needs a three-letter currency', { currency: input.currency ?? null });
      kind = 'amount';
    } else {
      const days = input.trialDays!;
      if (!Number.isInteger(days) || days < 1 || days > MAX_TRIAL_DAYS)
        throw new InvalidOfferError(`trialDays must be between 1 and ${MAX_TRIAL_DAYS}`, { trialDays: days });
      kind = 'trial';
    }
    const duration = kind === 'trial' ? null : (input.duration ?? 'once');
    const months = input.durationInMonths ?? null;
    if (duration === 'repeating' && !(months !== null && Number.isInteger(months) && months >= 1 && months <= 36))
      throw new InvalidOfferError('A repeating offer needs durationInMonths between 1 and 36', {
        durationInMonths: months,
      });
    if (duration !== 'repeating' && months !== null)
      throw new InvalidOfferError('durationInMonths only goes with duration "repeating"', { durationInMonths: months });
    const planIds = [...new Set(input.planIds ?? [])];
    const unknown = planIds.filter((planId) => !knownPlanIds.includes(planId));
    if (unknown.length) throw new InvalidOfferError('Unknown plans', { planIds: unknown });
    const validFrom = input.validFrom ?? null;
    const validUntil = input.validUntil ?? null;
    if (validUntil && validUntil <= now) throw new InvalidOfferError('validUntil must be in the future');
    if (validFrom && validUntil && validFrom >= validUntil)
      throw new InvalidOfferError('validFrom must be before validUntil');
    const max = input.maxRedemptions ?? null;
    if (max !== null && !(Number.isSafeInteger(max) && max >= 1))
      throw new InvalidOfferError('maxRedemptions must be a positive integer', { maxRedemptions: max });
    return new Offer({
      id: newId(),
      code: input.code,
      name: input.name.trim(),
      kind,
      percentOff: kind === 'percent' ? input.percentOff! : null,
      amountOff: kind === 'amount' ? input.amountOff! : null,
      currency: kind === 'amount' ? input.currency!.toLowerCase() : null,
      trialDays: kind === 'trial' ? input.trialDays! : null,
      duration,
      durationInMonths: duration === 'repeating' ? months : null,
      planIds,
      validFrom,
      validUntil,
      maxRedemptions: max,
      createdAt: now,
    });
  }

  /** Rebuilds a stored offer. */
  static restore(
    fields: OfferFields & Pick<Offer, 'redemptions' | 'archivedAt' | 'providerCouponId' | 'providerPromotionCodeId'>,
  ): Offer {
    const offer = new Offer(fields);
    offer.redemptions = fields.redemptions;
    offer.archivedAt = fields.archivedAt;
    offer.providerCouponId = fields.providerCouponId;
    offer.providerPromotionCodeId = fields.providerPromotionCodeId;
    return offer;
  }

  get isArchived(): boolean {
    return this.archivedAt !== null;
  }

  /** Why the offer cannot be used now (archived, outside its dates, used up), or null. */
  problemAt(now: Date): Error | null {
    if (this.isArchived) return new OfferArchivedError(this.code);
    if ((this.validFrom && now < this.validFrom) || (this.validUntil && now >= this.validUntil))
      return new OfferExpiredError(this.code, this.validFrom, this.validUntil);
    if (this.maxRedemptions !== null && this.redemptions >= this.maxRedemptions)
      return new OfferExhaustedError(this.code, this.maxRedemptions);
    return null;
  }

  appliesTo(planId: string): boolean {
    return this.planIds.length === 0 || this.planIds.includes(planId);
  }

  /** Throws the reason a checkout of `planId` cannot use the offer now. */
  assertRedeemable(planId: string, now = new Date()): void {
    const problem = this.problemAt(now);
    if (problem) throw problem;
    if (!this.appliesTo(planId)) throw new OfferPlanNotEligibleError(this.code, planId, this.planIds);
  }

  /** Archives the offer: no new checkout can use it; subscriptions that have it keep their discount. */
  archive(at = new Date()): boolean {
    if (this.archivedAt) return false;
    this.archivedAt = at;
    return true;
  }

  linkProvider(couponId: string, promotionCodeId: string): void {
    this.providerCouponId = couponId;
    this.providerPromotionCodeId = promotionCodeId;
  }

  get discountTerms(): DiscountTerms | null {
    if (this.kind === 'trial') return null;
    return { offerId: this.id, percentOff: this.percentOff, amountOff: this.amountOff, currency: this.currency };
  }
}

/** What a discount takes off a price (minor units): percent rounded like Stripe, an amount capped at the price. */
export function discountOff(terms: DiscountTerms | null, unitAmount: number, currency: string): number {
  if (!terms || unitAmount <= 0) return 0;
  if (terms.percentOff !== null) return Math.round((unitAmount * terms.percentOff) / 100);
  if (terms.amountOff !== null && terms.currency === currency.toLowerCase())
    return Math.min(unitAmount, terms.amountOff);
  return 0;
}
