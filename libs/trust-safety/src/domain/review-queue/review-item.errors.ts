import { DomainError } from '@lib/platform/ddd';

export class ReviewItemNotFoundError extends DomainError {
  readonly code = 'trust-safety.review-item.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No such item in the review queue');
  }
}

export class ReviewItemClaimedError extends DomainError {
  readonly code = 'trust-safety.review-item.claimed';
  readonly kind = 'conflict' as const;
  constructor(claimedBy: string) {
    super('Another moderator has claimed this item', { claimedBy });
  }
}

export class ReviewItemResolvedError extends DomainError {
  readonly code = 'trust-safety.review-item.resolved';
  readonly kind = 'conflict' as const;
  constructor() {
    super('This item has already been decided');
  }
}

export class ReviewQueueForbiddenError extends DomainError {
  readonly code = 'trust-safety.review-queue.moderators-only';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('The review queue is for moderators and admins', { requiredRoles: ['moderator', 'admin'] });
  }
}
