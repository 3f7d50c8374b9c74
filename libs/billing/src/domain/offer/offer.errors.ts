import { DomainError } from '@lib/platform/ddd';

export class InvalidOfferError extends DomainError {
  readonly code = 'billing.offer.invalid';
  readonly kind = 'invalid';
}

export class ConflictingOfferDiscountError extends DomainError {
  readonly code = 'billing.offer.conflicting-discount';
  readonly kind = 'invalid';
  constructor() {
    super('An offer gives one thing: a percent off, an amount off, or an extended trial — not several');
  }
}

export class OfferPercentOutOfRangeError extends DomainError {
  readonly code = 'billing.offer.percent-out-of-range';
  readonly kind = 'invalid';
  constructor(percentOff: number) {
    super('percentOff must be above 0 and at most 100', { percentOff });
  }
}

export class OfferNotFoundError extends DomainError {
  readonly code = 'billing.offer.not-found';
  readonly kind = 'not-found';
  constructor(codeOrId: string) {
    super(`There is no offer "${codeOrId}"`, { offer: codeOrId });
  }
}

export class OfferCodeTakenError extends DomainError {
  readonly code = 'billing.offer.code-taken';
  readonly kind = 'conflict';
  constructor(code: string) {
    super(`Another offer already uses the code "${code}"`, { code });
  }
}

export class OfferArchivedError extends DomainError {
  readonly code = 'billing.offer.archived';
  readonly kind = 'rule-violated';
  constructor(code: string) {
    super(`The offer "${code}" has been withdrawn`, { code });
  }
}

export class OfferExpiredError extends DomainError {
  readonly code = 'billing.offer.expired';
  readonly kind = 'rule-violated';
  constructor(code: string, validFrom: Date | null, validUntil: Date | null) {
    super(`The offer "${code}" is not valid now`, {
      code,
      validFrom: validFrom?.toISOString() ?? null,
      validUntil: validUntil?.toISOString() ?? null,
    });
  }
}

export class OfferExhaustedError extends DomainError {
  readonly code = 'billing.offer.exhausted';
  readonly kind = 'rule-violated';
  constructor(code: string, maxRedemptions: number) {
    super(`The offer "${code}" has been redeemed its ${maxRedemptions} times`, { code, maxRedemptions });
  }
}

export class OfferPlanNotEligibleError extends DomainError {
  readonly code = 'billing.offer.plan-not-eligible';
  readonly kind = 'rule-violated';
  constructor(code: string, planId: string, planIds: string[]) {
    super(`The offer "${code}" is not for the plan "${planId}"`, { code, planId, planIds });
  }
}

export class OfferTrialAlreadyUsedError extends DomainError {
  readonly code = 'billing.offer.trial-already-used';
  readonly kind = 'rule-violated';
  constructor(code: string) {
    super(`The offer "${code}" is a free trial, and this account has had a subscription before`, { code });
  }
}
