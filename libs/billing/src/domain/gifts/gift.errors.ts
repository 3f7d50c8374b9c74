import { DomainError } from '@lib/platform/ddd';

/** No such gift (or, for its id, not one the caller bought). */
export class GiftNotFoundError extends DomainError {
  readonly code = 'billing.gift.not-found';
  readonly kind = 'not-found';
  constructor() {
    super('No such gift');
  }
}

export class GiftAlreadyRedeemedError extends DomainError {
  readonly code = 'billing.gift.already-redeemed';
  readonly kind = 'conflict';
  constructor(redeemedAt: Date | null) {
    super('This gift has already been redeemed', { redeemedAt: redeemedAt?.toISOString() ?? null });
  }
}

/** Past the redemption window (365 days after payment). */
export class GiftExpiredError extends DomainError {
  readonly code = 'billing.gift.expired';
  readonly kind = 'rule-violated';
  constructor(until: Date) {
    super('This gift can no longer be redeemed', { redeemableUntil: until.toISOString() });
  }
}

export class GiftRefundedError extends DomainError {
  readonly code = 'billing.gift.refunded';
  readonly kind = 'conflict';
  constructor() {
    super('This gift has been refunded');
  }
}

/** The payer's bank took the payment back (a chargeback): unusable unless the dispute is won. */
export class GiftDisputedError extends DomainError {
  readonly code = 'billing.gift.disputed';
  readonly kind = 'conflict';
  constructor() {
    super('The payment for this gift is disputed');
  }
}

/** Not paid for (yet, or the checkout expired). */
export class GiftNotPaidError extends DomainError {
  readonly code = 'billing.gift.not-paid';
  readonly kind = 'conflict';
  constructor() {
    super('This gift has not been paid for');
  }
}

export class GiftNotRefundableError extends DomainError {
  readonly code = 'billing.gift.not-refundable';
  readonly kind = 'conflict';
  constructor(status: string) {
    super('This gift cannot be refunded', { status });
  }
}

/** Gifts do not stack on an active paid subscription (or a gift in force) of the same plan. */
export class GiftPlanAlreadyActiveError extends DomainError {
  readonly code = 'billing.gift.plan-already-active';
  readonly kind = 'conflict';
  constructor(planId: string, source: 'subscription' | 'gift') {
    super('You already have this plan; a gift cannot be added on top of it', { planId, source });
  }
}

/** A free plan (or one without a price for the period) cannot be gifted. */
export class GiftPlanNotGiftableError extends DomainError {
  readonly code = 'billing.gift.plan-not-giftable';
  readonly kind = 'rule-violated';
  constructor(planId: string, period: string) {
    super('This plan cannot be gifted for this period', { planId, period });
  }
}

/** The message would be held or hidden by trust & safety: it is sent as written or not at all. */
export class GiftMessageNotAllowedError extends DomainError {
  readonly code = 'billing.gift.message-not-allowed';
  readonly kind = 'rule-violated';
  constructor(rule: string | null) {
    super('This message cannot be sent with a gift', { rule });
  }
}
