import { DomainError } from '@lib/platform/ddd';

export interface PolicyProblem {
  /** Where in the document, e.g. `surfaces.message[2].signal`. */
  field: string;
  code:
    | 'unknown-surface'
    | 'unknown-signal'
    | 'unknown-action'
    | 'unknown-field'
    | 'not-an-object'
    | 'not-a-list'
    | 'not-a-domain'
    | 'out-of-range'
    | 'required';
  [fact: string]: unknown;
}

/** An edited policy that names something screening does not know; nothing was saved. */
export class PolicyInvalidError extends DomainError {
  readonly code = 'trust-safety.policy.invalid';
  readonly kind = 'invalid';
  constructor(readonly problems: PolicyProblem[]) {
    super(`The policy is not valid: ${problems.map((p) => `${p.field || '(document)'} ${p.code}`).join(', ')}`, {
      problems,
    });
  }
}

/** Another admin saved a version first; the editor reloads and edits again. */
export class PolicyEditConflictError extends DomainError {
  readonly code = 'trust-safety.policy.edit-conflict';
  readonly kind = 'conflict';
  constructor(version: number) {
    super(`Version ${version} of the policy was saved by someone else first; reload it and edit again`, { version });
  }
}
