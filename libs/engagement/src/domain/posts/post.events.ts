import { DomainEvent } from '@lib/platform/ddd';

/** A post became public (at once, or when trust & safety released it): once per post. */
export class PostPublished extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly authorId: string,
    readonly videoId: string | null,
    readonly createdAt: Date,
  ) {
    super();
  }
}

/** A public post left view: deleted by its author, hidden or removed by trust & safety. */
export class PostWithdrawn extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly authorId: string,
  ) {
    super();
  }
}
