import { DomainError } from '@lib/platform/ddd';

export class CannotFollowSelfError extends DomainError {
  readonly code = 'engagement.follow.self';
  readonly kind = 'rule-violated';
  constructor() {
    super('You cannot follow yourself');
  }
}
