import { DomainError } from '@lib/platform/ddd';
import { APPEAL_TEXT_MAX, APPEAL_WINDOW_DAYS } from './appeal-limits.js';

export class AppealNotFoundError extends DomainError {
  readonly code = 'trust-safety.appeal.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No such appeal');
  }
}

/** Someone else's decision answers like one that does not exist: a member learns nothing about others. */
export class AppealableDecisionNotFoundError extends DomainError {
  readonly code = 'trust-safety.appeal.decision-not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No decision about you has this id');
  }
}

export class AppealAlreadyFiledError extends DomainError {
  readonly code = 'trust-safety.appeal.already-filed';
  readonly kind = 'conflict' as const;
  constructor(appealId: string) {
    super('This decision has already been appealed; one appeal per decision', { appealId });
  }
}

export class AppealWindowClosedError extends DomainError {
  readonly code = 'trust-safety.appeal.window-closed';
  readonly kind = 'rule-violated' as const;
  constructor(closedAt: Date) {
    super(`Appeals are taken within ${APPEAL_WINDOW_DAYS} days of the decision`, {
      windowDays: APPEAL_WINDOW_DAYS,
      closedAt: closedAt.toISOString(),
    });
  }
}

export class DecisionNotAppealableError extends DomainError {
  readonly code = 'trust-safety.appeal.not-appealable';
  readonly kind = 'rule-violated' as const;
  constructor(action: string) {
    super(`A '${action}' decision found nothing against you: there is nothing to appeal`, { action });
  }
}

export class AppealTextTooLongError extends DomainError {
  readonly code = 'trust-safety.appeal.text-too-long';
  readonly kind = 'invalid' as const;
  constructor(length: number) {
    super(`An appeal is at most ${APPEAL_TEXT_MAX} characters`, { maxLength: APPEAL_TEXT_MAX, length });
  }
}

export class AppealTextMissingError extends DomainError {
  readonly code = 'trust-safety.appeal.text-missing';
  readonly kind = 'invalid' as const;
  constructor() {
    super('Say why the decision should be reversed');
  }
}

export class AppealSameModeratorError extends DomainError {
  readonly code = 'trust-safety.appeal.same-moderator';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('The moderator who made the decision may not decide its appeal');
  }
}

export class SanctionNotInForceError extends DomainError {
  readonly code = 'trust-safety.sanction.not-in-force';
  readonly kind = 'conflict' as const;
  constructor(sanction: string) {
    super(`The account has no ${sanction} in force`, { sanction });
  }
}
