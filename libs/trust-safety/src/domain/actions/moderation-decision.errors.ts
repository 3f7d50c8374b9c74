import { DomainError } from '@lib/platform/ddd';

export class ActionNotApplicableError extends DomainError {
  readonly code = 'trust-safety.action.not-applicable';
  readonly kind = 'rule-violated' as const;
  constructor(reason: string) {
    super(reason);
  }
}
