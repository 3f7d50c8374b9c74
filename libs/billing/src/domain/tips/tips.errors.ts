import { DomainError } from '@lib/platform/ddd';

/** A tip outside the configured limits. */
export class TipAmountOutOfRangeError extends DomainError {
  readonly code = 'billing.tip.amount-out-of-range';
  readonly kind = 'invalid';
  constructor(details: { amount: number; min: number; max: number; currency: string }) {
    super(`A tip must be between ${details.min} and ${details.max} (${details.currency} minor units)`, details);
  }
}

/** A fan cannot tip themselves. */
export class SelfTipError extends DomainError {
  readonly code = 'billing.tip.self';
  readonly kind = 'rule-violated';
  constructor() {
    super('You cannot tip yourself');
  }
}

/** The creator has not connected a payout account (or has not finished onboarding). */
export class CreatorNotPayableError extends DomainError {
  readonly code = 'billing.tip.creator-not-payable';
  readonly kind = 'conflict';
  constructor(creatorId: string) {
    super('This creator cannot receive tips yet: they have not connected a payout account', { creatorId });
  }
}

export class TipCreatorNotFoundError extends DomainError {
  readonly code = 'billing.tip.creator-not-found';
  readonly kind = 'not-found';
  constructor(creatorId: string) {
    super('No such creator', { creatorId });
  }
}

export class TipVideoNotFoundError extends DomainError {
  readonly code = 'billing.tip.video-not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super('No such video', { videoId });
  }
}

/** Exactly one of creatorId and videoId names who is tipped. */
export class TipTargetInvalidError extends DomainError {
  readonly code = 'billing.tip.target-invalid';
  readonly kind = 'invalid';
  constructor() {
    super('Name either a creatorId or a videoId to tip');
  }
}

/** The message would be held or hidden by trust & safety: a tip message is shown as written or not at all. */
export class TipMessageNotAllowedError extends DomainError {
  readonly code = 'billing.tip.message-not-allowed';
  readonly kind = 'rule-violated';
  constructor(rule: string | null) {
    super('This message cannot be sent with a tip', { rule });
  }
}

/** A ledger range that is not a valid, bounded interval. */
export class LedgerRangeInvalidError extends DomainError {
  readonly code = 'billing.ledger.range-invalid';
  readonly kind = 'invalid';
  constructor(reason: string) {
    super(`Invalid ledger range: ${reason}`);
  }
}
