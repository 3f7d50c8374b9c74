import { DomainError } from '@lib/platform/ddd';
import type { RestrictionKind } from './restriction.js';

export class CannotRestrictSelfError extends DomainError {
  readonly code = 'engagement.restriction.self';
  readonly kind = 'rule-violated';
  constructor(kind: RestrictionKind) {
    super(`You cannot ${kind} yourself`);
  }
}

export class BlockedError extends DomainError {
  readonly code = 'engagement.restriction.blocked';
  readonly kind = 'forbidden';
  constructor() {
    super('One of you has blocked the other');
  }
}
