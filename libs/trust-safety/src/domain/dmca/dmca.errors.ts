import { DomainError } from '@lib/platform/ddd';

/** A notice that lacks an element 17 U.S.C. § 512(c)(3) requires; each missing or invalid field is named. */
export class DmcaNoticeIncompleteError extends DomainError {
  readonly code = 'trust-safety.dmca.notice-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[], invalid: { field: string; reason: string }[]) {
    super(`The notice lacks required elements: ${[...missing, ...invalid.map((i) => i.field)].join(', ')}`, {
      missing,
      invalid,
    });
  }
}

export class DmcaCounterNoticeIncompleteError extends DomainError {
  readonly code = 'trust-safety.dmca.counter-notice-incomplete';
  readonly kind = 'rule-violated';
  constructor(missing: string[]) {
    super(`The counter-notice lacks required elements: ${missing.join(', ')}`, { missing, invalid: [] });
  }
}

/** The location names no video on this platform. */
export class DmcaMaterialNotFoundError extends DomainError {
  readonly code = 'trust-safety.dmca.material-not-found';
  readonly kind = 'rule-violated';
  constructor(location: string) {
    super('The location names no video on this platform', { field: 'location', location });
  }
}

export class DmcaNoticeNotFoundError extends DomainError {
  readonly code = 'trust-safety.dmca.notice-not-found';
  readonly kind = 'not-found';
  constructor(noticeId: string) {
    super(`No DMCA notice ${noticeId}`, { noticeId });
  }
}

/** Only the person whose video was taken down may counter the notice. */
export class NotTheUploaderError extends DomainError {
  readonly code = 'trust-safety.dmca.not-uploader';
  readonly kind = 'forbidden';
  constructor() {
    super('Only the uploader of the material may file a counter-notice');
  }
}

/** The notice is not in a state that allows this step (a second counter-notice, a court action after restoration). */
export class DmcaStepNotAllowedError extends DomainError {
  readonly code = 'trust-safety.dmca.step-not-allowed';
  readonly kind = 'conflict';
  constructor(step: string, status: string) {
    super(`A ${step} is not possible on a notice that is '${status}'`, { step, status });
  }
}

/** A claimant link whose token does not match the notice. */
export class DmcaClaimantTokenInvalidError extends DomainError {
  readonly code = 'trust-safety.dmca.claimant-token-invalid';
  readonly kind = 'forbidden';
  constructor() {
    super('This link does not belong to the notice');
  }
}
