import { DomainError } from '@lib/platform/ddd';

/** The target does not exist or the reporter cannot see it: the same answer, so nothing leaks. */
export class ReportTargetNotFoundError extends DomainError {
  readonly code = 'trust-safety.report.target-not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('There is nothing to report there');
  }
}

export class CannotReportYourselfError extends DomainError {
  readonly code = 'trust-safety.report.self';
  readonly kind = 'rule-violated' as const;
  constructor() {
    super('You cannot report your own account or content');
  }
}

export class InvalidEvidenceError extends DomainError {
  readonly code = 'trust-safety.report.evidence-invalid';
  readonly kind = 'invalid' as const;
  constructor(reason: string) {
    super(reason);
  }
}
