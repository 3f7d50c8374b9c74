import { DomainEvent } from '@lib/platform/ddd';

export class UserFollowed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly followerId: string,
    readonly followeeId: string,
  ) {
    super();
  }
}

export class UserUnfollowed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly followerId: string,
    readonly followeeId: string,
  ) {
    super();
  }
}
